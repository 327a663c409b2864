import { expect } from '@open-wc/testing';
import { BackendError, toBackendError } from '../../src/backend/backend.js';
import { SharedItem } from '../../src/internal/store.js';
import { sendVote } from '../../src/internal/vote-sending.js';
import { until, withPatience } from '../helpers.js';

/**
 * A write as VoteController makes one: begun on the item (the optimistic state at once), sent and
 * committed by vote-sending.ts (the code loaded on first use), every subscriber rolled back on failure.
 */
async function write<T, R>(item: SharedItem<T>, spec: { optimistic?: (current: T | undefined) => T; send: (signal: AbortSignal) => Promise<R>; commit: (reply: R) => T }): Promise<T> {
  const end = item.startWrite(spec.optimistic ?? ((current) => current!));
  try {
    return await sendVote({ end, send: spec.send, commit: spec.commit });
  } catch (error) {
    end();
    throw toBackendError(error);
  }
}

/** A read the test settles by hand, with the signal it was given. */
function manualRead<T>() {
  const calls: { signal: AbortSignal; resolve: (data: T) => void; reject: (error: unknown) => void }[] = [];
  const read = (signal: AbortSignal) => new Promise<T>((resolve, reject) => calls.push({ signal, resolve, reject }));
  return { read, calls };
}

describe('SharedItem', () => {
  it('shares one read among every caller', async () => {
    const { read, calls } = manualRead<number>();
    const item = new SharedItem(read);
    item.subscribe(() => {});
    const first = item.load();
    expect(item.load()).to.equal(first);
    expect(item.state.status).to.equal('loading');
    calls[0].resolve(7);
    await first;
    expect(calls).to.have.length(1);
    expect(item.state).to.deep.include({ status: 'ready', data: 7 });
  });

  it('keeps a write\'s result over a read that began before it', async () => {
    const { read, calls } = manualRead<number>();
    const item = new SharedItem(read);
    item.subscribe(() => {});
    const loading = item.load();
    await write(item, { optimistic: () => 2, send: async () => 3, commit: (reply) => reply });
    calls[0].resolve(1);
    await loading;
    expect(item.state).to.deep.include({ status: 'ready', data: 3, writing: false });
  });

  it('shows the optimistic state to every subscriber, and rolls back on failure', async () => {
    const item = new SharedItem(async () => 1);
    const seen: (number | undefined)[] = [];
    item.subscribe((state) => seen.push(state.data));
    await item.load();
    const failure = await write(item, { optimistic: (n) => n! + 1, send: () => Promise.reject(new BackendError('refused', 'no')), commit: (n: number) => n })
      .catch((error: BackendError) => error);
    expect((failure as BackendError).code).to.equal('refused');
    expect(seen).to.deep.equal([undefined, 1, 2, 1]);
    expect(item.state.writing).to.equal(false);
  });

  it('turns a reply the commit rejects into a typed error and rolls back', async () => {
    const item = new SharedItem(async () => 1);
    await item.load();
    const failure = await write(item, { optimistic: () => 5, send: async () => 'odd', commit: () => { throw new TypeError('bad reply'); } })
      .catch((error: BackendError) => error);
    expect(failure).to.be.instanceOf(BackendError);
    expect(item.state.data).to.equal(1);
  });

  it('cuts each read attempt that hangs, tries twice more, then fails as the network: every attempt aborted', async () => {
    await withPatience({ read: 50, readRetries: 2, retryPause: 10 }, async () => {
      const { read, calls } = manualRead<number>();
      const item = new SharedItem(read);
      item.subscribe(() => {});
      await item.load();
      expect(calls).to.have.length(3);
      expect(calls.map((call) => call.signal.aborted)).to.deep.equal([true, true, true]);
      expect(item.state.status).to.equal('error');
      expect(item.state.error!.code).to.equal('network');
    });
  });

  it("retries a read only while the failure is the network's: a refusal or a bad reply is final at once", async () => {
    await withPatience({ retryPause: 10 }, async () => {
      const { read, calls } = manualRead<number>();
      const item = new SharedItem(read);
      item.subscribe(() => {});
      const loading = item.load();
      calls[0].reject(new BackendError('network', 'no answer'));
      await until(() => calls.length === 2, 'the second attempt');
      calls[1].reject(new BackendError('network', 'storage-unavailable', { reason: 'storage-unavailable' }));
      await until(() => calls.length === 3, 'the third attempt');
      calls[2].resolve(8);
      await loading;
      expect(item.state).to.deep.include({ status: 'ready', data: 8 });

      const refused = manualRead<number>();
      const other = new SharedItem(refused.read);
      other.subscribe(() => {});
      const refusing = other.load();
      refused.calls[0].reject(new BackendError('refused', 'no', { reason: 'invalid' }));
      await refusing;
      expect(refused.calls).to.have.length(1);
      expect(other.state.error!.reason).to.equal('invalid');
    });
  });

  it('sends a vote once, cut at its own limit, never retried behind the reader\'s back', async () => {
    await withPatience({ write: 50 }, async () => {
      const item = new SharedItem(async () => 1);
      await item.load();
      const sent: AbortSignal[] = [];
      const failure = await write(item, { send: (signal) => (sent.push(signal), new Promise<number>(() => {})), commit: (n: number) => n })
        .catch((error: BackendError) => error);
      expect(failure).to.include({ code: 'network' });
      expect(sent).to.have.length(1);
      expect(sent[0].aborted).to.equal(true);
      expect(item.state).to.deep.include({ data: 1, writing: false });
    });
  });

  it('aborts the read when the last subscriber leaves, and goes back to idle', async () => {
    const { read, calls } = manualRead<number>();
    const item = new SharedItem(read);
    const stop = item.subscribe(() => {});
    const loading = item.load();
    stop();
    expect(calls[0].signal.aborted).to.equal(true);
    await loading;
    expect(item.state.status).to.equal('idle');
  });

  it('reads again when a subscriber comes back before the aborted read settles (an element moved)', async () => {
    const { read, calls } = manualRead<number>();
    const item = new SharedItem(read);
    const stop = item.subscribe(() => {});
    const loading = item.load();
    stop();
    item.subscribe(() => {});
    await new Promise((resolve) => setTimeout(resolve));
    expect(calls).to.have.length(2);
    expect(calls[0].signal.aborted).to.equal(true);
    expect(item.state.status).to.equal('loading');
    calls[1].resolve(4);
    await loading; // the first caller's promise settles with the read that replaced it
    expect(item.state).to.deep.include({ status: 'ready', data: 4 });
  });

  it('fails a backend that throws instead of rejecting like one that rejects', async () => {
    const item = new SharedItem<number>(() => {
      throw new Error('broken backend');
    });
    await item.load();
    expect(item.state.error).to.be.instanceOf(BackendError);
    expect(item.state.error!.message).to.equal('broken backend');
  });
});

// A React 19 app's use of the elements, compiled by typings.test.mjs under strict TypeScript with
// the package installed from its npm tarball. A line ending `// error: TEXT` must fail to compile
// with a message containing TEXT; every other line must compile.
import type {} from 'article-widgets/react';
import { MemoryBackend, type RatingVoteDetail } from 'article-widgets';

export function Article({ onVote }: { onVote: (detail: RatingVoteDetail) => void }) {
  return (
    <main>
      <article-rating article-id="a1" votes={4} average={4.5} summary="count" allowChange onaw-rating-vote={(event) => onVote(event.detail)} />
      <article-rating articleId="a1" readonly allow-change backend={new MemoryBackend()} className="rating" ref={(el) => void el?.refresh()} />
      <opinion-poll poll-id="p1" data-closed data-voters={19} data-results="after-vote" onaw-poll-vote={(event) => event.detail.optionIds.join()}>
        <h3 data-question>Which topics?</h3>
      </opinion-poll>
      <share-bar networks="telegram vk" share-title="A title" hide-label size="large" monochrome onaw-share={(event) => event.preventDefault()} />
    </main>
  );
}

export const wrongType = <article-rating votes="many" />; // error: 'string' is not assignable to type 'number'
export const misspelt = <article-rating articleid="a1" />; // error: Property 'articleid' does not exist
export const notAValue = <article-rating summary="long" />; // error: '"long"' is not assignable
export const wrongDetail = <article-rating onaw-rating-vote={(event) => event.detail.stars} />; // error: Property 'stars' does not exist
export const falseAttribute = <opinion-poll data-closed={false} />; // error: 'false' is not assignable to type 'true'
export const wrongSize = <share-bar size="huge" />; // error: '"huge"' is not assignable
export const unknownTag = <article-ratings />; // error: Property 'article-ratings' does not exist

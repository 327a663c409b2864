// Finds the system's Chrome or Chromium for the browser tests. Where there is none it installs
// Debian's chromium when it can (root with apt-get); otherwise it says exactly what to install.
// No npm tool may download a browser of its own on the machines this project runs on.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

function found() {
  const path = process.env.CHROME_PATH;
  if (path && existsSync(path)) return path;
  return CANDIDATES.find((candidate) => existsSync(candidate));
}

export function findChrome() {
  const path = found();
  if (path) return path;
  const root = process.getuid?.() === 0;
  const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;
  if (root && apt) {
    console.log('No Chrome or Chromium found: installing Debian\'s chromium (apt-get install chromium)...');
    execFileSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium > /dev/null'], {
      stdio: 'inherit',
    });
    const installed = found();
    if (installed) return installed;
  }
  console.error(
    'The browser tests need Chrome or Chromium, and none was found.\n' +
      '  Debian/Ubuntu: sudo apt-get install chromium\n' +
      '  Fedora: sudo dnf install chromium    macOS: install Google Chrome\n' +
      'or point CHROME_PATH at a Chrome/Chromium executable.',
  );
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(findChrome());

// The Debian packages some test steps run for real: WordPress with PHP and MariaDB (the plugin's
// test), Hugo and Jekyll (the static-site partials' test). `npm test` calls this first, so on a
// fresh machine the README's one test command is enough: run as root with apt-get, it installs
// what is missing; otherwise it says exactly what to install. Nothing is configured or started
// system-wide: each test makes its own database and site in a temp folder. (Chromium: find-chrome.mjs.)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
const phpExtensions = () =>
  has('php') &&
  spawnSync('php', ['-r', 'exit(extension_loaded("mysqli") && extension_loaded("curl") && extension_loaded("mbstring") && extension_loaded("xml") ? 0 : 1);'], { stdio: 'ignore' }).status === 0;

const NEEDS = [
  {
    for: 'the WordPress plugin test',
    present: () => existsSync('/usr/share/wordpress/wp-load.php') && existsSync('/usr/sbin/mariadbd') && phpExtensions(),
    // With its recommends: the test uses the default theme that comes with them.
    packages: ['wordpress', 'php-cli', 'php-mysql', 'mariadb-server', 'php-curl', 'php-mbstring', 'php-xml'],
    recommends: true,
  },
  { for: 'the static-site partials test', present: () => has('hugo') && has('jekyll'), packages: ['hugo', 'jekyll'], recommends: false },
];

const apt = (args) => execFileSync('sh', ['-c', `DEBIAN_FRONTEND=noninteractive apt-get ${args} > /dev/null`], { stdio: 'inherit' });

export function ensureSystemPackages() {
  const missing = NEEDS.filter((need) => !need.present());
  if (!missing.length) return;
  const canInstall = process.getuid?.() === 0 && has('apt-get');
  if (canInstall) {
    console.log(`Installing Debian packages for ${missing.map((need) => need.for).join(' and ')} (apt-get install)...`);
    apt('update -qq');
    for (const need of missing) apt(`install -y -qq ${need.recommends ? '' : '--no-install-recommends '}${need.packages.join(' ')}`);
  }
  const still = NEEDS.filter((need) => !need.present());
  if (!still.length) return;
  console.error(
    'Some test steps need Debian packages that are not installed:\n' +
      still.map((need) => `  ${need.for}: sudo apt-get install -y ${need.recommends ? '' : '--no-install-recommends '}${need.packages.join(' ')}`).join('\n'),
  );
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) ensureSystemPackages();

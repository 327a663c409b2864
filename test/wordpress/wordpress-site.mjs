// A real WordPress on loopback for the plugin's tests, as /work/shared/TOOLCHAIN.md describes it:
// Debian's wordpress package copied into a temp folder, a private MariaDB on a unix socket of its
// own (no TCP port at all), PHP's built-in server on a free port. Everything lives in one temp
// folder and stops with stop().
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync, chownSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const WORDPRESS = '/usr/share/wordpress';
const NEEDED = { php: '/usr/bin/php', mariadbd: '/usr/sbin/mariadbd', 'mariadb-install-db': '/usr/bin/mariadb-install-db', wordpress: `${WORDPRESS}/wp-load.php` };

/** What is missing to run WordPress here, as the apt-get line that installs it ('' when nothing). */
export function missingWordpress() {
  const missing = Object.entries(NEEDED).filter(([, path]) => !existsSync(path)).map(([name]) => name);
  return missing.length
    ? `missing ${missing.join(', ')}: apt-get install -y wordpress php-cli php-mysql mariadb-server php-curl php-mbstring php-xml (as .ci/run does)`
    : '';
}

/** Resolves with the first match of `pattern` in a child's output, or rejects when it exits first. */
function waitForOutput(child, pattern, what) {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${what}: no sign of life in 60 s:\n${out}`)), 60_000);
    const onData = (data) => {
      out += data;
      const match = pattern.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited ${code}:\n${out}`));
    });
  });
}

/** Stops a process group started with detached: true (PHP's server forks workers). */
async function stopGroup(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const late = setTimeout(() => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // gone already
    }
  }, 10_000);
  await exited;
  clearTimeout(late);
}

export async function startWordpress() {
  const dir = mkdtempSync(join(tmpdir(), 'aw-wordpress-'));
  chmodSync(dir, 0o755);
  // The socket and pid file sit in the data folder: the only one the mysql user may write to.
  const site = { dir, root: join(dir, 'site'), socket: join(dir, 'data', 'mysql.sock'), log: join(dir, 'debug.log') };
  try {
    await start(site);
    return site;
  } catch (error) {
    await stopWordpress(site);
    throw error;
  }
}

async function start(site) {
  const { dir } = site;
  // MariaDB, private: its own data folder and socket, no TCP (--skip-networking).
  const data = join(dir, 'data');
  mkdirSync(data);
  const mysql = spawnSync('id', ['-u', 'mysql'], { encoding: 'utf8' });
  if (mysql.status === 0) chownSync(data, Number(mysql.stdout), Number(spawnSync('id', ['-g', 'mysql'], { encoding: 'utf8' }).stdout));
  const init = spawnSync('mariadb-install-db', ['--no-defaults', '--user=mysql', `--datadir=${data}`, '--auth-root-authentication-method=normal', '--skip-test-db'], { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`mariadb-install-db failed:\n${init.stdout}${init.stderr}`);
  site.mariadb = spawn('mariadbd', ['--no-defaults', '--user=mysql', `--datadir=${data}`, `--socket=${site.socket}`, '--skip-networking', `--pid-file=${join(dir, 'data', 'mariadb.pid')}`, '--innodb-buffer-pool-size=32M'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await waitForOutput(site.mariadb, /ready for connections/, 'mariadbd');
  const created = spawnSync('mariadb', ['--no-defaults', `--socket=${site.socket}`, '-uroot', '-e', 'CREATE DATABASE wordpress CHARACTER SET utf8mb4'], { encoding: 'utf8' });
  if (created.status !== 0) throw new Error(`CREATE DATABASE failed: ${created.stderr}`);

  // WordPress: its files copied (they find wp-load.php through __DIR__), our own wp-content and config.
  mkdirSync(site.root);
  for (const name of ['index.php', 'wp-activate.php', 'wp-blog-header.php', 'wp-comments-post.php', 'wp-cron.php', 'wp-links-opml.php', 'wp-load.php', 'wp-login.php', 'wp-mail.php', 'wp-settings.php', 'wp-signup.php', 'wp-trackback.php', 'xmlrpc.php', 'wp-admin', 'wp-includes']) {
    cpSync(join(WORDPRESS, name), join(site.root, name), { recursive: true, dereference: true });
  }
  for (const sub of ['plugins', 'mu-plugins', 'uploads', 'themes']) mkdirSync(join(site.root, 'wp-content', sub), { recursive: true });
  cpSync(join(WORDPRESS, 'wp-content/themes/twentytwentythree'), join(site.root, 'wp-content/themes/twentytwentythree'), { recursive: true, dereference: true });
  writeFileSync(join(site.root, 'router.php'), ROUTER);
  writeFileSync(join(site.root, 'wp-content/mu-plugins/offline.php'), OFFLINE);

  site.php = spawn('php', ['-S', '127.0.0.1:0', '-t', site.root, join(site.root, 'router.php')], {
    cwd: site.root,
    detached: true,
    env: { ...process.env, PHP_CLI_SERVER_WORKERS: '2' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [, port] = await waitForOutput(site.php, /Development Server \(http:\/\/127\.0\.0\.1:(\d+)\) started/, 'php -S');
  site.url = `http://127.0.0.1:${port}`;
  writeFileSync(join(site.root, 'wp-config.php'), wpConfig(site));
}

/** Runs PHP with WordPress loaded (as the admin user); returns what it printed, parsed as JSON. */
export function wpEval(site, code, { installing = false } = {}) {
  const script = `<?php
${installing ? "define('WP_INSTALLING', true);" : ''}
require ${JSON.stringify(join(site.root, 'wp-load.php'))};
require_once ABSPATH . 'wp-admin/includes/plugin.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
${installing ? '' : 'wp_set_current_user(1);'}
$result = (function () { ${code} })();
echo "\\n@@RESULT@@" . wp_json_encode($result);
`;
  const file = join(site.dir, `eval-${randomBytes(4).toString('hex')}.php`);
  writeFileSync(file, script);
  const run = spawnSync('php', [file], { cwd: site.root, encoding: 'utf8', timeout: 60_000 });
  rmSync(file);
  const at = run.stdout.lastIndexOf('@@RESULT@@');
  if (run.status !== 0 || at < 0) throw new Error(`PHP failed (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  return JSON.parse(run.stdout.slice(at + '@@RESULT@@'.length));
}

/** Runs SQL on the site's database. */
export function sql(site, statements) {
  const run = spawnSync('mariadb', ['--no-defaults', `--socket=${site.socket}`, '-uroot', 'wordpress', '-e', statements], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`SQL failed: ${run.stderr}`);
  return run.stdout;
}

/** The PHP notices, warnings and errors WordPress logged from files under `path`. */
export function phpProblems(site, path) {
  if (!existsSync(site.log)) return [];
  return readFileSync(site.log, 'utf8').split('\n').filter((line) => /PHP (Notice|Warning|Fatal|Deprecated|Parse)/.test(line) && line.includes(path));
}

export async function stopWordpress(site) {
  if (!site) return;
  await stopGroup(site.php);
  await stopGroup(site.mariadb);
  rmSync(site.dir, { recursive: true, force: true });
}

// php -S: files that exist are served (scripts as text/javascript, which module scripts need);
// every other path goes to WordPress.
const ROUTER = `<?php
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
$file = __DIR__ . $path;
if ($path !== '/' && is_file($file)) {
    if (preg_match('/\\.m?js$/', $file)) {
        header('Content-Type: text/javascript; charset=utf-8');
        readfile($file);
        return true;
    }
    if (substr($file, -4) !== '.php') {
        return false;
    }
    require $file;
    return true;
}
require __DIR__ . '/index.php';
`;

// No internet here: no update checks, no mail, no outside requests.
const OFFLINE = `<?php
add_filter('pre_wp_mail', '__return_true');
add_filter('pre_site_transient_update_core', '__return_null');
add_filter('pre_site_transient_update_plugins', '__return_null');
add_filter('pre_site_transient_update_themes', '__return_null');
remove_action('init', 'wp_schedule_update_checks');
add_filter('pre_http_request', function ($pre, $args, $url) {
    $host = parse_url($url, PHP_URL_HOST);
    return in_array($host, array('127.0.0.1', 'localhost'), true) ? $pre : new WP_Error('offline', "No internet in tests: $url");
}, 10, 3);
`;

function wpConfig(site) {
  const salt = () => randomBytes(24).toString('hex');
  const keys = ['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'];
  return `<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:${site.socket}');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
${keys.map((key) => `define('${key}', '${salt()}');`).join('\n')}
$table_prefix = 'wp_';
define('WP_HOME', '${site.url}');
define('WP_SITEURL', '${site.url}');
define('WP_DEBUG', true);
define('WP_DEBUG_LOG', '${site.log}');
define('WP_DEBUG_DISPLAY', false);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('DISABLE_WP_CRON', true);
define('WP_CONTENT_DIR', __DIR__ . '/wp-content');
define('WP_CONTENT_URL', '${site.url}/wp-content');
define('WP_PLUGIN_DIR', __DIR__ . '/wp-content/plugins');
define('WP_PLUGIN_URL', '${site.url}/wp-content/plugins');
if (!defined('ABSPATH')) {
    define('ABSPATH', __DIR__ . '/');
}
require_once ABSPATH . 'wp-settings.php';
`;
}

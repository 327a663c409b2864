<?php
/**
 * Plugin Name:       Article Widgets
 * Description:       A star rating, share buttons and opinion polls for articles, with their figures rendered on the server so cached pages carry real numbers. Imports kk Star Ratings and WP-Polls.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           MIT
 * Text Domain:       article-widgets
 */

defined('ABSPATH') || exit;

define('ARTICLE_WIDGETS_VERSION', '0.1.0');
define('ARTICLE_WIDGETS_FILE', __FILE__);
define('ARTICLE_WIDGETS_DIR', __DIR__);

require_once __DIR__ . '/includes/settings.php';
require_once __DIR__ . '/includes/api.php';
require_once __DIR__ . '/includes/markup.php';
require_once __DIR__ . '/includes/front.php';
require_once __DIR__ . '/includes/blocks.php';
require_once __DIR__ . '/includes/importer.php';
require_once __DIR__ . '/includes/admin.php';

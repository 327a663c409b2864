<?php
// Runs when the plugin is deleted from the Plugins screen: remove everything it stored.
defined('WP_UNINSTALL_PLUGIN') || exit;

require_once __DIR__ . '/includes/settings.php';
require_once __DIR__ . '/includes/api.php';

delete_option(ARTICLE_WIDGETS_OPTION);
delete_option(ARTICLE_WIDGETS_IMPORT_REPORT);
article_widgets_forget_figures();

<?php
// The admin screens: Settings > Article Widgets (through the Settings API, which checks the nonce
// and the manage_options capability on save) and Tools > Article Widgets (the importer).
defined('ABSPATH') || exit;

const ARTICLE_WIDGETS_IMPORT_ACTION = 'article_widgets_import';

add_action('admin_init', function () {
    register_setting('article_widgets', ARTICLE_WIDGETS_OPTION, array(
        'type'              => 'array',
        'sanitize_callback' => 'article_widgets_sanitize_settings',
        'default'           => article_widgets_defaults(),
    ));
});

add_action('admin_menu', function () {
    add_options_page(__('Article Widgets', 'article-widgets'), __('Article Widgets', 'article-widgets'), 'manage_options', 'article-widgets', 'article_widgets_settings_page');
    add_management_page(__('Import into Article Widgets', 'article-widgets'), __('Article Widgets', 'article-widgets'), 'manage_options', 'article-widgets-import', 'article_widgets_import_page');
});

add_filter('plugin_action_links_' . plugin_basename(ARTICLE_WIDGETS_FILE), function ($links) {
    array_unshift($links, sprintf('<a href="%s">%s</a>', esc_url(admin_url('options-general.php?page=article-widgets')), esc_html__('Settings', 'article-widgets')));
    return $links;
});

/** One row of the settings table. */
function article_widgets_field($label, $for, $control, $help = '')
{
    printf(
        '<tr><th scope="row"><label for="%s">%s</label></th><td>%s%s</td></tr>',
        esc_attr($for),
        esc_html($label),
        $control, // built from escaped parts by the caller
        $help !== '' ? sprintf('<p class="description">%s</p>', esc_html($help)) : ''
    );
}

/** A <select> named settings[$key], its options value => label. */
function article_widgets_select($key, array $choices, $current)
{
    $html = sprintf('<select id="aw-%1$s" name="%2$s[%1$s]">', esc_attr($key), esc_attr(ARTICLE_WIDGETS_OPTION));
    foreach ($choices as $value => $label) {
        $html .= sprintf('<option value="%s"%s>%s</option>', esc_attr($value), selected((string) $current, (string) $value, false), esc_html($label));
    }
    return $html . '</select>';
}

function article_widgets_settings_page()
{
    if (!current_user_can('manage_options')) {
        return;
    }
    $s = article_widgets_settings();
    $name = function ($key) {
        return esc_attr(ARTICLE_WIDGETS_OPTION . "[$key]");
    };
    $site_language = strtolower(substr(get_locale(), 0, 2));
    echo '<div class="wrap"><h1>' . esc_html__('Article Widgets', 'article-widgets') . '</h1>';
    settings_errors(ARTICLE_WIDGETS_OPTION);
    echo '<form method="post" action="options.php">';
    settings_fields('article_widgets');
    echo '<table class="form-table" role="presentation">';
    article_widgets_field(__('API URL', 'article-widgets'), 'aw-api_url', sprintf('<input type="url" class="regular-text" id="aw-api_url" name="%s" value="%s" placeholder="https://widgets.example.org/api" />', $name('api_url'), esc_attr($s['api_url'])), __('The reference server\'s API. Readers\' browsers call it, and so does this site to put the figures into its pages.', 'article-widgets'));
    article_widgets_field(__('Admin token', 'article-widgets'), 'aw-admin_token', sprintf(
        '<input type="password" class="regular-text" id="aw-admin_token" name="%s" value="" autocomplete="new-password" placeholder="%s" /> <label><input type="checkbox" name="%s" value="1" /> %s</label>',
        $name('admin_token'),
        esc_attr(article_widgets_admin_token() !== '' ? __('(set: leave empty to keep it)', 'article-widgets') : ''),
        $name('forget_admin_token'),
        esc_html__('Forget it', 'article-widgets')
    ), __('Only the importer uses it. ARTICLE_WIDGETS_ADMIN_TOKEN in wp-config.php keeps it out of the database.', 'article-widgets'));
    article_widgets_field(__('Rating on posts', 'article-widgets'), 'aw-position', article_widgets_select('position', array(
        'above' => __('Above the article', 'article-widgets'),
        'below' => __('Below the article', 'article-widgets'),
        'both'  => __('Above and below', 'article-widgets'),
        'none'  => __('Nowhere (shortcodes and blocks only)', 'article-widgets'),
    ), $s['position']));
    article_widgets_field(__('Share networks', 'article-widgets'), 'aw-networks', sprintf('<input type="text" class="regular-text" id="aw-networks" name="%s" value="%s" />', $name('networks'), esc_attr($s['networks'])), __('In order, separated by spaces: telegram vk ok whatsapp x facebook linkedin bluesky reddit mastodon email copy native. Empty: the usual ones for the language.', 'article-widgets'));
    article_widgets_field(__('Language', 'article-widgets'), 'aw-language', article_widgets_select('language', array(
        ''   => sprintf(__('The site\'s (%s)', 'article-widgets'), get_locale()),
        'en' => 'English',
        'ru' => 'Русский',
    ), $s['language']), in_array($site_language, ARTICLE_WIDGETS_LANGUAGES, true) ? '' : __('The widgets speak English and Russian; other sites get English unless chosen here.', 'article-widgets'));
    article_widgets_field(__('Minimum votes for an average', 'article-widgets'), 'aw-min_votes', sprintf('<input type="number" min="0" step="1" class="small-text" id="aw-min_votes" name="%s" value="%d" />', $name('min_votes'), (int) $s['min_votes']), __('Below this many votes the page shows the count but not the average, and no structured data.', 'article-widgets'));
    $types = array('' => __('Off', 'article-widgets'));
    foreach (ARTICLE_WIDGETS_RATED_TYPES as $type) {
        $types[$type] = $type;
    }
    article_widgets_field(__('Structured data (JSON-LD)', 'article-widgets'), 'aw-structured', article_widgets_select('structured', $types, $s['structured']), __('What your posts review. Google shows stars only for these types, not for Article or BlogPosting: leave it off for news and blog posts.', 'article-widgets'));
    article_widgets_field(__('Cache figures for', 'article-widgets'), 'aw-cache_seconds', sprintf('<input type="number" min="0" max="3600" class="small-text" id="aw-cache_seconds" name="%s" value="%d" /> %s', $name('cache_seconds'), (int) $s['cache_seconds'], esc_html__('seconds', 'article-widgets')));
    echo '</table>';
    submit_button();
    echo '</form></div>';
}

function article_widgets_import_page()
{
    if (!current_user_can('manage_options')) {
        return;
    }
    $preview = article_widgets_import_preview();
    $report = get_option(ARTICLE_WIDGETS_IMPORT_REPORT);
    echo '<div class="wrap"><h1>' . esc_html__('Import into Article Widgets', 'article-widgets') . '</h1>';
    if (isset($_GET['aw-error'])) {
        printf('<div class="notice notice-error"><p>%s</p></div>', esc_html(wp_unslash($_GET['aw-error'])));
    }
    if (is_array($report)) {
        echo '<h2>' . esc_html__('Last import', 'article-widgets') . '</h2>' . article_widgets_report_html($report);
    }
    echo '<p>' . esc_html(sprintf(
        __('Found: %1$d rated posts (kk Star Ratings) and %2$d polls (WP-Polls), %3$d votes in all. Importing again updates the same figures, never adds them twice; readers\' new votes are kept.', 'article-widgets'),
        $preview['ratings'],
        $preview['polls'],
        $preview['votes']
    )) . '</p>';
    printf('<form method="post" action="%s">', esc_url(admin_url('admin-post.php')));
    printf('<input type="hidden" name="action" value="%s" />', esc_attr(ARTICLE_WIDGETS_IMPORT_ACTION));
    wp_nonce_field(ARTICLE_WIDGETS_IMPORT_ACTION);
    submit_button(__('Import', 'article-widgets'));
    echo '</form></div>';
}

/** The report of an import, as HTML. */
function article_widgets_report_html(array $report)
{
    $html = '<ul>';
    $html .= sprintf('<li>%s</li>', esc_html(sprintf(__('%1$d ratings and %2$d polls moved, with %3$d votes.', 'article-widgets'), $report['ratings'], $report['polls'], $report['votes'])));
    if ($report['logged'] > 0) {
        $html .= sprintf('<li>%s</li>', esc_html(sprintf(__('WP-Polls\' log of %d votes stays here: it holds readers\' IP addresses, which the server never stores.', 'article-widgets'), $report['logged'])));
    }
    foreach ($report['skipped'] as $reason) {
        $html .= sprintf('<li>%s %s</li>', esc_html__('Not moved:', 'article-widgets'), esc_html($reason));
    }
    return $html . '</ul>';
}

add_action('admin_post_' . ARTICLE_WIDGETS_IMPORT_ACTION, function () {
    if (!current_user_can('manage_options')) {
        wp_die(esc_html__('You may not import into Article Widgets.', 'article-widgets'), 403);
    }
    check_admin_referer(ARTICLE_WIDGETS_IMPORT_ACTION);
    $result = article_widgets_import();
    $target = admin_url('tools.php?page=article-widgets-import');
    if (is_wp_error($result)) {
        $target = add_query_arg('aw-error', rawurlencode($result->get_error_message()), $target);
    }
    wp_safe_redirect($target);
    exit;
});

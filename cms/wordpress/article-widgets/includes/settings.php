<?php
// The plugin's settings: one option holding an array, read through article_widgets_settings()
// so every caller sees the defaults filled in and values already checked.
defined('ABSPATH') || exit;

const ARTICLE_WIDGETS_OPTION = 'article_widgets_settings';
/** The last import's report, shown on the Tools screen. */
const ARTICLE_WIDGETS_IMPORT_REPORT = 'article_widgets_import_report';
const ARTICLE_WIDGETS_POSITIONS = array('above', 'below', 'both', 'none');
const ARTICLE_WIDGETS_LANGUAGES = array('en', 'ru');
/** The schema.org types Google shows review stars for (its review snippet's itemReviewed types). */
const ARTICLE_WIDGETS_RATED_TYPES = array(
    'Book', 'Course', 'CreativeWorkSeason', 'CreativeWorkSeries', 'Episode', 'Event', 'Game',
    'LocalBusiness', 'MediaObject', 'Movie', 'MusicPlaylist', 'MusicRecording', 'Organization',
    'Product', 'Recipe', 'SoftwareApplication',
);

function article_widgets_defaults()
{
    return array(
        'api_url'        => '',
        'admin_token'    => '',
        'position'       => 'below',
        'networks'       => '',
        'language'       => '',
        'min_votes'      => 0,
        'structured'     => '',
        'cache_seconds'  => 60,
    );
}

/** The settings, defaults filled in. */
function article_widgets_settings()
{
    $saved = get_option(ARTICLE_WIDGETS_OPTION, array());
    return array_merge(article_widgets_defaults(), is_array($saved) ? $saved : array());
}

/**
 * Checks a settings form (or any array) and returns what may be stored. Each refused value keeps
 * the stored one and adds a settings error naming the field, so nothing is lost silently.
 */
function article_widgets_sanitize_settings($input)
{
    $input = is_array($input) ? wp_unslash($input) : array();
    $current = article_widgets_settings();
    $out = $current;
    $refuse = function ($field, $message) {
        if (function_exists('add_settings_error')) {
            add_settings_error(ARTICLE_WIDGETS_OPTION, "article-widgets-$field", $message);
        }
    };

    if (isset($input['api_url'])) {
        $url = trim((string) $input['api_url']);
        if ($url === '' || preg_match('#^https?://[^\s]+$#i', $url)) {
            $out['api_url'] = untrailingslashit(esc_url_raw($url, array('http', 'https')));
        } else {
            $refuse('api_url', __('API URL: expected an http(s) address such as https://widgets.example.org/api.', 'article-widgets'));
        }
    }
    // A password field left empty keeps the stored token; the "forget" box clears it.
    if (!empty($input['forget_admin_token'])) {
        $out['admin_token'] = '';
    } elseif (isset($input['admin_token']) && $input['admin_token'] !== '') {
        $token = trim((string) $input['admin_token']);
        if (strlen($token) >= 24 && !preg_match('/\s/', $token)) {
            $out['admin_token'] = $token;
        } else {
            $refuse('admin_token', __('Admin token: expected the server\'s admin token, at least 24 characters without spaces.', 'article-widgets'));
        }
    }
    if (isset($input['position'])) {
        if (in_array($input['position'], ARTICLE_WIDGETS_POSITIONS, true)) {
            $out['position'] = $input['position'];
        } else {
            $refuse('position', __('Rating position: expected above, below, both or none.', 'article-widgets'));
        }
    }
    if (isset($input['networks'])) {
        $names = preg_split('/[\s,]+/', strtolower((string) $input['networks']), -1, PREG_SPLIT_NO_EMPTY);
        $bad = array_filter($names, function ($name) {
            return !preg_match('/^[a-z][a-z0-9-]{0,31}$/', $name);
        });
        if ($bad) {
            $refuse('networks', sprintf(__('Share networks: "%s" is not a network name.', 'article-widgets'), implode(' ', $bad)));
        } else {
            $out['networks'] = implode(' ', $names);
        }
    }
    if (isset($input['language'])) {
        if ($input['language'] === '' || in_array($input['language'], ARTICLE_WIDGETS_LANGUAGES, true)) {
            $out['language'] = $input['language'];
        } else {
            $refuse('language', __('Language: expected the site\'s, en or ru.', 'article-widgets'));
        }
    }
    if (isset($input['min_votes'])) {
        $min = filter_var($input['min_votes'], FILTER_VALIDATE_INT, array('options' => array('min_range' => 0, 'max_range' => 1000000)));
        if ($min === false) {
            $refuse('min_votes', __('Minimum votes: expected a whole number of 0 or more.', 'article-widgets'));
        } else {
            $out['min_votes'] = $min;
        }
    }
    if (isset($input['structured'])) {
        if ($input['structured'] === '' || in_array($input['structured'], ARTICLE_WIDGETS_RATED_TYPES, true)) {
            $out['structured'] = $input['structured'];
        } else {
            $refuse('structured', __('Structured data: expected one of the listed schema.org types, or off.', 'article-widgets'));
        }
    }
    if (isset($input['cache_seconds'])) {
        $seconds = filter_var($input['cache_seconds'], FILTER_VALIDATE_INT, array('options' => array('min_range' => 0, 'max_range' => 3600)));
        if ($seconds === false) {
            $refuse('cache_seconds', __('Cache: expected 0 to 3600 seconds.', 'article-widgets'));
        } else {
            $out['cache_seconds'] = $seconds;
        }
    }
    return $out;
}

/** The widgets' language: the setting, else the site's locale when the widgets speak it, else English. */
function article_widgets_language()
{
    $chosen = article_widgets_settings()['language'];
    if ($chosen !== '') {
        return $chosen;
    }
    $site = strtolower(substr(determine_locale(), 0, 2));
    return in_array($site, ARTICLE_WIDGETS_LANGUAGES, true) ? $site : 'en';
}

/** The admin token: the ARTICLE_WIDGETS_ADMIN_TOKEN constant (wp-config.php) wins over the setting. */
function article_widgets_admin_token()
{
    return defined('ARTICLE_WIDGETS_ADMIN_TOKEN') ? (string) ARTICLE_WIDGETS_ADMIN_TOKEN : article_widgets_settings()['admin_token'];
}

/** The article id a post is rated under on the server (also what the importer moves kk Star Ratings figures to). */
function article_widgets_article_id($post_id)
{
    return (string) apply_filters('article_widgets_article_id', 'post-' . (int) $post_id, (int) $post_id);
}

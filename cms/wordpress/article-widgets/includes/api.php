<?php
// The reference server's API, as this site talks to it: figures read with a short cache (a
// transient per item), and the admin import. The API URL is set by an administrator, so it is
// called with wp_remote_* (not the "safe" variants, which refuse a server on the same host).
defined('ABSPATH') || exit;

const ARTICLE_WIDGETS_TRANSIENT = 'article_widgets_';
/** Seconds a page view waits for the server before rendering without figures. */
const ARTICLE_WIDGETS_TIMEOUT = 3;

/**
 * GET a path of the API; the decoded JSON, or a WP_Error naming what went wrong.
 * @return array|WP_Error
 */
function article_widgets_api_get($path)
{
    $base = article_widgets_settings()['api_url'];
    if ($base === '') {
        return new WP_Error('article-widgets-no-api', __('Set the API URL under Settings > Article Widgets.', 'article-widgets'));
    }
    $response = wp_remote_get($base . $path, array('timeout' => ARTICLE_WIDGETS_TIMEOUT, 'headers' => array('Accept' => 'application/json')));
    return article_widgets_decode($response);
}

/** The body of an API reply as an array, or a WP_Error with the server's own message. */
function article_widgets_decode($response)
{
    if (is_wp_error($response)) {
        return $response;
    }
    $status = (int) wp_remote_retrieve_response_code($response);
    $body = json_decode(wp_remote_retrieve_body($response), true);
    if ($status >= 200 && $status < 300 && is_array($body)) {
        return $body;
    }
    $message = isset($body['error']['message']) ? $body['error']['message'] : sprintf(__('The server answered HTTP %d.', 'article-widgets'), $status);
    $code = isset($body['error']['code']) ? $body['error']['code'] : 'http-' . $status;
    return new WP_Error('article-widgets-' . $code, $message, array('status' => $status));
}

function article_widgets_cache_key($kind, $id)
{
    // The API URL is part of the key: pointing the site at another server never shows old figures.
    return ARTICLE_WIDGETS_TRANSIENT . $kind . '_' . md5(article_widgets_settings()['api_url'] . "\n" . $id);
}

/**
 * The ratings of many articles, from the cache or in one request (GET /ratings?ids=, 100 at a
 * time). An article whose figures could not be read is absent.
 * @param string[] $ids
 * @return array<string, array{votes:int, average:float}>
 */
function article_widgets_ratings(array $ids)
{
    $ttl = (int) article_widgets_settings()['cache_seconds'];
    $found = array();
    $missing = array();
    foreach (array_unique($ids) as $id) {
        $cached = $ttl > 0 ? get_transient(article_widgets_cache_key('rating', $id)) : false;
        if (is_array($cached)) {
            if (isset($cached['votes'])) {
                $found[$id] = $cached;
            }
        } else {
            $missing[] = $id;
        }
    }
    foreach (array_chunk($missing, 100) as $chunk) {
        $reply = article_widgets_api_get('/ratings?ids=' . rawurlencode(implode(',', $chunk)));
        $byId = array();
        if (!is_wp_error($reply) && isset($reply['ratings']) && is_array($reply['ratings'])) {
            foreach ($reply['ratings'] as $rating) {
                $byId[$rating['articleId']] = array('votes' => (int) $rating['votes'], 'average' => (float) $rating['average']);
            }
        }
        foreach ($chunk as $id) {
            // A failure is cached too (as an empty entry), so a server that is down costs one
            // timeout per cache period, not one per page view.
            $entry = isset($byId[$id]) ? $byId[$id] : array();
            if ($ttl > 0) {
                set_transient(article_widgets_cache_key('rating', $id), $entry, $ttl);
            }
            if ($entry) {
                $found[$id] = $entry;
            }
        }
    }
    return $found;
}

/** One article's rating, or null when the server could not say. */
function article_widgets_rating($id)
{
    $ratings = article_widgets_ratings(array($id));
    return isset($ratings[$id]) ? $ratings[$id] : null;
}

/** A poll as any reader sees it (GET /polls/{id}), or null when the server could not say. */
function article_widgets_poll($id)
{
    $ttl = (int) article_widgets_settings()['cache_seconds'];
    $key = article_widgets_cache_key('poll', $id);
    $cached = $ttl > 0 ? get_transient($key) : false;
    if (is_array($cached)) {
        return $cached ? $cached : null;
    }
    $reply = article_widgets_api_get('/polls/' . rawurlencode($id));
    $poll = (!is_wp_error($reply) && isset($reply['options']) && is_array($reply['options'])) ? $reply : array();
    if ($ttl > 0) {
        set_transient($key, $poll, $ttl);
    }
    return $poll ? $poll : null;
}

/**
 * Sends widget data to the admin import (POST /admin/import). The server sets the figures it is
 * given, so sending the same data twice changes nothing.
 * @return array{ratings:int, polls:int}|WP_Error
 */
function article_widgets_api_import(array $data)
{
    $base = article_widgets_settings()['api_url'];
    $token = article_widgets_admin_token();
    if ($base === '') {
        return new WP_Error('article-widgets-no-api', __('Set the API URL under Settings > Article Widgets first.', 'article-widgets'));
    }
    if ($token === '') {
        return new WP_Error('article-widgets-no-token', __('Set the server\'s admin token under Settings > Article Widgets (or ARTICLE_WIDGETS_ADMIN_TOKEN in wp-config.php) first.', 'article-widgets'));
    }
    $response = wp_remote_post($base . '/admin/import', array(
        'timeout' => 30,
        'headers' => array('Content-Type' => 'application/json', 'Authorization' => 'Bearer ' . $token),
        'body'    => wp_json_encode($data),
    ));
    return article_widgets_decode($response);
}

/** Forgets every cached figure (after an import, and on uninstall). */
function article_widgets_forget_figures()
{
    global $wpdb;
    $like = $wpdb->esc_like('_transient_' . ARTICLE_WIDGETS_TRANSIENT) . '%';
    $timeouts = $wpdb->esc_like('_transient_timeout_' . ARTICLE_WIDGETS_TRANSIENT) . '%';
    $wpdb->query($wpdb->prepare("DELETE FROM {$wpdb->options} WHERE option_name LIKE %s OR option_name LIKE %s", $like, $timeouts));
    wp_cache_flush_group('transient');
}

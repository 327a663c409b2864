<?php
// What readers get: the shortcodes, the rating placed above or below posts, the bundle loaded as a
// module only on pages that show a widget, the API's address in the page head, and (opt-in) the
// rating's structured data.
defined('ABSPATH') || exit;

const ARTICLE_WIDGETS_SCRIPT = 'article-widgets';

add_action('init', function () {
    wp_register_script(ARTICLE_WIDGETS_SCRIPT, plugins_url('assets/article-widgets.js', ARTICLE_WIDGETS_FILE), array(), ARTICLE_WIDGETS_VERSION, true);
    // The room each element takes once upgraded, so nothing moves when the script runs (a file,
    // not an inline style, for sites with a strict Content-Security-Policy).
    wp_register_style(ARTICLE_WIDGETS_SCRIPT, plugins_url('assets/article-widgets.css', ARTICLE_WIDGETS_FILE), array(), ARTICLE_WIDGETS_VERSION);
    add_shortcode('article_rating', 'article_widgets_rating_shortcode');
    add_shortcode('share_bar', 'article_widgets_share_shortcode');
    add_shortcode('opinion_poll', 'article_widgets_poll_shortcode');
});

// The bundle is an ES module; WordPress 6.1 has no module API of its own.
add_filter('script_loader_tag', function ($tag, $handle) {
    return $handle === ARTICLE_WIDGETS_SCRIPT ? str_replace('<script ', '<script type="module" ', $tag) : $tag;
}, 10, 2);

// Every element on the page finds the server here; a meta tag costs nothing on pages without one.
add_action('wp_head', function () {
    $api = article_widgets_settings()['api_url'];
    if ($api !== '') {
        printf("<meta name=\"article-widgets:api\" content=\"%s\" />\n", esc_url($api));
    }
    $jsonld = article_widgets_post_jsonld();
    if ($jsonld !== '') {
        echo $jsonld . "\n";
    }
});

/** Language options for the markup: the widgets' language, and a lang attribute when it is not the page's. */
function article_widgets_language_options()
{
    $lang = article_widgets_language();
    $page = strtolower(substr(determine_locale(), 0, 2));
    return array('lang' => $lang, 'lang_attribute' => $lang !== $page ? $lang : null);
}

/** Called by everything that prints a widget: only such pages load the bundle. */
function article_widgets_use_script()
{
    wp_enqueue_script(ARTICLE_WIDGETS_SCRIPT);
    // Too late for the head when a theme prints a widget of its own: the sizing then lands at the
    // end of the page, still before the script runs.
    wp_enqueue_style(ARTICLE_WIDGETS_SCRIPT);
}

/** Whether the post being shown has a widget: placed by the plugin, or a shortcode or block of its content. */
function article_widgets_post_has_widget()
{
    if (article_widgets_places_rating()) {
        return true;
    }
    $post = is_singular() ? get_queried_object() : null;
    if (!$post instanceof WP_Post) {
        return false;
    }
    foreach (array('article_rating', 'share_bar', 'opinion_poll') as $shortcode) {
        if (has_shortcode($post->post_content, $shortcode)) {
            return true;
        }
    }
    foreach (array('article-widgets/rating', 'article-widgets/share-bar', 'article-widgets/poll') as $block) {
        if (has_block($block, $post)) {
            return true;
        }
    }
    return false;
}

// Known before the head is printed, so the sizing is in the head, before the first paint.
add_action('wp_enqueue_scripts', function () {
    if (article_widgets_post_has_widget()) {
        article_widgets_use_script();
    }
});

/** The rating of an article, with its figures from the server (cached). */
function article_widgets_rating_html($article_id, array $options = array())
{
    article_widgets_use_script();
    $settings = article_widgets_settings();
    return article_widgets_rating_markup(
        $article_id,
        article_widgets_rating($article_id),
        array_merge(article_widgets_language_options(), array('min_votes' => $settings['min_votes']), $options)
    );
}

function article_widgets_share_html($url, $title, $networks = null)
{
    article_widgets_use_script();
    $networks = $networks === null ? article_widgets_settings()['networks'] : $networks;
    return article_widgets_share_markup($url, $title, $networks, article_widgets_language_options());
}

function article_widgets_poll_html($poll_id)
{
    article_widgets_use_script();
    return article_widgets_poll_markup($poll_id, article_widgets_poll($poll_id), article_widgets_language_options());
}

/** Whether an id is one the server accepts (articles, polls, options). */
function article_widgets_valid_id($id)
{
    return (bool) preg_match('/^[A-Za-z0-9_][A-Za-z0-9_.:~-]{0,127}$/', $id);
}

/** A shortcode's mistake: shown to those who can fix it, a comment for everyone else. */
function article_widgets_mistake($message)
{
    if (current_user_can('edit_posts')) {
        return sprintf('<p class="article-widgets-mistake" role="alert">%s</p>', esc_html($message));
    }
    return sprintf('<!-- article-widgets: %s -->', esc_html($message));
}

/** [article_rating] (this post), [article_rating id="other-article" summary="count" readonly] */
function article_widgets_rating_shortcode($atts)
{
    $atts = shortcode_atts(array('id' => '', 'summary' => '', 'readonly' => null), $atts, 'article_rating');
    $id = $atts['id'] !== '' ? $atts['id'] : (get_the_ID() ? article_widgets_article_id(get_the_ID()) : '');
    if (!article_widgets_valid_id($id)) {
        return article_widgets_mistake(sprintf(__('[article_rating]: id="%s" is not an article id (letters, digits and _.:~- , at most 128).', 'article-widgets'), $id));
    }
    $options = array('readonly' => $atts['readonly'] !== null && $atts['readonly'] !== 'false' && $atts['readonly'] !== '0');
    if (in_array($atts['summary'], array('full', 'count'), true)) {
        $options['summary'] = $atts['summary'];
    } elseif ($atts['summary'] !== '') {
        return article_widgets_mistake(sprintf(__('[article_rating]: summary="%s" should be full or count.', 'article-widgets'), $atts['summary']));
    }
    return article_widgets_rating_html($id, $options);
}

/** [share_bar], [share_bar networks="telegram vk email" url="…" title="…"] */
function article_widgets_share_shortcode($atts)
{
    $atts = shortcode_atts(array('networks' => null, 'url' => '', 'title' => ''), $atts, 'share_bar');
    $url = $atts['url'] !== '' ? $atts['url'] : (string) get_permalink();
    if (!preg_match('#^https?://#i', $url)) {
        return article_widgets_mistake(sprintf(__('[share_bar]: url="%s" should be an absolute http(s) address.', 'article-widgets'), $url));
    }
    $title = $atts['title'] !== '' ? $atts['title'] : wp_strip_all_tags(html_entity_decode(get_the_title(), ENT_QUOTES, 'UTF-8'));
    return article_widgets_share_html($url, $title, $atts['networks']);
}

/** [opinion_poll id="reader-topics"] */
function article_widgets_poll_shortcode($atts)
{
    $atts = shortcode_atts(array('id' => ''), $atts, 'opinion_poll');
    if ($atts['id'] === '') {
        return article_widgets_mistake(__('[opinion_poll]: needs id="…", the poll\'s id on the server.', 'article-widgets'));
    }
    if (!article_widgets_valid_id($atts['id'])) {
        return article_widgets_mistake(sprintf(__('[opinion_poll]: id="%s" is not a poll id (letters, digits and _.:~- , at most 128).', 'article-widgets'), $atts['id']));
    }
    return article_widgets_poll_html($atts['id']);
}

/** Whether this request shows a single post whose rating the plugin places by itself. */
function article_widgets_places_rating()
{
    $position = article_widgets_settings()['position'];
    $types = (array) apply_filters('article_widgets_post_types', array('post'));
    return $position !== 'none' && is_singular($types);
}

// The rating above, below or on both sides of a post, as the settings say.
add_filter('the_content', function ($content) {
    if (!article_widgets_places_rating() || !in_the_loop() || !is_main_query()) {
        return $content;
    }
    $position = article_widgets_settings()['position'];
    $id = article_widgets_article_id(get_the_ID());
    // In a block of its own, so a theme lays it out like the paragraphs around it.
    $block = function ($html) {
        return '<div class="article-widgets-rating">' . $html . '</div>';
    };
    $above = in_array($position, array('above', 'both'), true) ? $block(article_widgets_rating_html($id)) . "\n" : '';
    // Below a post the count alone: the full figures are already above it when both are shown.
    $below = in_array($position, array('below', 'both'), true) ? "\n" . $block(article_widgets_rating_html($id, $position === 'both' ? array('summary' => 'count') : array())) : '';
    return $above . $content . $below;
}, 20);

/** The structured data of the post being shown, when the site opted in and its rating is placed. */
function article_widgets_post_jsonld()
{
    $settings = article_widgets_settings();
    if ($settings['structured'] === '' || !article_widgets_places_rating()) {
        return '';
    }
    $post_id = get_queried_object_id();
    $name = wp_strip_all_tags(html_entity_decode(get_the_title($post_id), ENT_QUOTES, 'UTF-8'));
    $figures = article_widgets_rating(article_widgets_article_id($post_id));
    return article_widgets_rating_jsonld($settings['structured'], $name, (string) get_permalink($post_id), $figures, $settings['min_votes']);
}

<?php
// A block for each widget: dynamic blocks rendered on the server by the shortcodes' own code, so a
// block and a shortcode print the same thing. The editor script needs no build step.
defined('ABSPATH') || exit;

add_action('init', function () {
    wp_register_script(
        'article-widgets-blocks',
        plugins_url('blocks/editor.js', ARTICLE_WIDGETS_FILE),
        array('wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-i18n', 'wp-server-side-render'),
        ARTICLE_WIDGETS_VERSION,
        true
    );
    register_block_type('article-widgets/rating', array(
        'api_version'     => 2,
        'editor_script'   => 'article-widgets-blocks',
        'attributes'      => array(
            'articleId' => array('type' => 'string', 'default' => ''),
            'summary'   => array('type' => 'string', 'default' => ''),
            'readonly'  => array('type' => 'boolean', 'default' => false),
        ),
        'render_callback' => function ($attributes) {
            return article_widgets_rating_shortcode(array(
                'id'       => $attributes['articleId'],
                'summary'  => $attributes['summary'],
                'readonly' => $attributes['readonly'] ? 'true' : null,
            ));
        },
    ));
    register_block_type('article-widgets/share-bar', array(
        'api_version'     => 2,
        'editor_script'   => 'article-widgets-blocks',
        'attributes'      => array('networks' => array('type' => 'string', 'default' => '')),
        'render_callback' => function ($attributes) {
            return article_widgets_share_shortcode($attributes['networks'] !== '' ? array('networks' => $attributes['networks']) : array());
        },
    ));
    register_block_type('article-widgets/poll', array(
        'api_version'     => 2,
        'editor_script'   => 'article-widgets-blocks',
        'attributes'      => array('pollId' => array('type' => 'string', 'default' => '')),
        'render_callback' => function ($attributes) {
            return article_widgets_poll_shortcode(array('id' => $attributes['pollId']));
        },
    ));
});

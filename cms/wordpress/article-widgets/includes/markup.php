<?php
// The widgets' HTML with their figures filled in: what the elements upgrade from, and what a reader
// without JavaScript and a crawler see. The same markup as the JavaScript helpers in
// article-widgets/render and the static-site partials. Every value is escaped where it is written.
defined('ABSPATH') || exit;

/** The fallback text, in the two languages the elements speak. */
function article_widgets_strings($lang)
{
    $strings = array(
        'en' => array(
            'rated'    => 'Rated %1$s out of 5 (%2$s)',
            'votes'    => array('one' => '%s vote', 'other' => '%s votes'),
            'unrated'  => 'Not rated yet',
            'closed'   => 'Poll conducted',
            'base'     => 'Shares are of all voters (%s), who could each choose several options.',
            'percent'  => '%s%%',
        ),
        'ru' => array(
            'rated'    => 'Оценка %1$s из 5 (%2$s)',
            'votes'    => array('one' => '%s голос', 'few' => '%s голоса', 'many' => '%s голосов'),
            'unrated'  => 'Оценок пока нет',
            'closed'   => 'Опрос завершён',
            'base'     => 'Доли — от всех проголосовавших (%s): каждый мог выбрать несколько вариантов.',
            'percent'  => "%s\u{00A0}%%",
        ),
    );
    return isset($strings[$lang]) ? $strings[$lang] : $strings['en'];
}

/** "4 votes", "21 голос": the CLDR plural rules of English and Russian for whole numbers. */
function article_widgets_vote_count($count, $lang)
{
    $forms = article_widgets_strings($lang)['votes'];
    $form = $count === 1 ? 'one' : 'other';
    if ($lang === 'ru') {
        $tens = $count % 100;
        $units = $count % 10;
        $form = ($units === 1 && $tens !== 11) ? 'one' : (($units >= 2 && $units <= 4 && ($tens < 12 || $tens > 14)) ? 'few' : 'many');
    }
    return sprintf($forms[$form], article_widgets_number($count, $lang));
}

/** A figure as the elements write it: at most one decimal ("4.5", "4,5" in Russian), no trailing zero. */
function article_widgets_number($value, $lang)
{
    $text = rtrim(rtrim(number_format((float) $value, 1, '.', ''), '0'), '.');
    return $lang === 'ru' ? str_replace('.', ',', $text) : $text;
}

/** Text inside an element, escaped; an attribute list from name => value (true: bare, null: left out). */
function article_widgets_attributes(array $attributes)
{
    $out = '';
    foreach ($attributes as $name => $value) {
        if ($value === null || $value === false) {
            continue;
        }
        $out .= $value === true ? ' ' . $name : sprintf(' %s="%s"', $name, esc_attr((string) $value));
    }
    return $out;
}

/**
 * <article-rating> with its aggregate. Below `min_votes` votes the average is left out (of the
 * attributes and the text): a handful of votes says little, and a crawler should not take it as
 * the article's standing.
 *
 * @param array|null $figures {votes, average}, or null when the server could not say
 * @param array      $options lang, min_votes, summary ('full'|'count'), readonly
 */
function article_widgets_rating_markup($article_id, $figures, array $options = array())
{
    $lang = isset($options['lang']) ? $options['lang'] : 'en';
    $strings = article_widgets_strings($lang);
    $min_votes = isset($options['min_votes']) ? (int) $options['min_votes'] : 0;
    $votes = $figures ? (int) $figures['votes'] : null;
    $show_average = $votes !== null && $votes > 0 && $votes >= $min_votes;
    $summary = isset($options['summary']) ? $options['summary'] : null;

    if ($votes === null) {
        $text = '';
    } elseif ($votes === 0) {
        $text = $strings['unrated'];
    } elseif ($show_average) {
        $text = sprintf($strings['rated'], article_widgets_number($figures['average'], $lang), article_widgets_vote_count($votes, $lang));
    } else {
        $text = article_widgets_vote_count($votes, $lang);
    }

    return sprintf(
        '<article-rating%s>%s</article-rating>',
        article_widgets_attributes(array(
            'article-id' => $article_id,
            'votes'      => $votes,
            'average'    => $show_average ? round((float) $figures['average'], 2) : ($votes === 0 ? 0 : null),
            'summary'    => $summary,
            // The element keeps the average hidden too, until the count reaches the minimum.
            'min-votes'  => $min_votes > 0 ? $min_votes : null,
            'readonly'   => !empty($options['readonly']),
            'lang'       => isset($options['lang_attribute']) ? $options['lang_attribute'] : null,
        )),
        esc_html($text)
    );
}

/**
 * Whole-number shares of a poll's options, as the element computes them: of all votes by the
 * largest remainder (summing to exactly 100) for a single choice; of the voters, each rounded,
 * for a multiple choice.
 * @param int[] $counts
 * @return int[]
 */
function article_widgets_percentages(array $counts, $voters = null)
{
    if ($voters !== null) {
        return array_map(function ($n) use ($voters) {
            return $voters > 0 ? (int) round(100 * $n / max($voters, $n)) : 0;
        }, $counts);
    }
    $total = array_sum($counts);
    if ($total === 0) {
        return array_fill(0, count($counts), 0);
    }
    $shares = array();
    $order = array();
    foreach ($counts as $i => $n) {
        $shares[$i] = intdiv(100 * $n, $total);
        $order[] = array($i, (100 * $n) % $total, $n);
    }
    // Largest remainder first; ties to more votes, then to the earlier option.
    usort($order, function ($a, $b) {
        return ($b[1] - $a[1]) ?: (($b[2] - $a[2]) ?: ($a[0] - $b[0]));
    });
    $missing = 100 - array_sum($shares);
    for ($k = 0; $k < $missing; $k++) {
        $shares[$order[$k][0]]++;
    }
    return $shares;
}

/**
 * <opinion-poll> with its question, options and, where the poll shows them to every reader, its
 * results. With no poll (the server could not say) the element alone, which loads it.
 */
function article_widgets_poll_markup($poll_id, $poll, array $options = array())
{
    $lang = isset($options['lang']) ? $options['lang'] : 'en';
    $strings = article_widgets_strings($lang);
    $lang_attribute = isset($options['lang_attribute']) ? $options['lang_attribute'] : null;
    if (!$poll) {
        return sprintf('<opinion-poll%s></opinion-poll>', article_widgets_attributes(array('poll-id' => $poll_id, 'lang' => $lang_attribute)));
    }
    $multiple = !empty($poll['multiple']);
    $counts = array();
    $shown = true;
    foreach ($poll['options'] as $option) {
        if (!isset($option['votes'])) {
            $shown = false;
        }
        $counts[] = isset($option['votes']) ? (int) $option['votes'] : 0;
    }
    $voters = $multiple && isset($poll['voters']) ? (int) $poll['voters'] : null;
    // As the element: a multiple-choice poll's shares are of its voters (the votes when unknown).
    $base = $voters !== null ? $voters : array_sum($counts);
    $shares = $shown ? article_widgets_percentages($counts, $multiple ? $base : null) : array();

    $items = '';
    foreach ($poll['options'] as $i => $option) {
        $figures = $shown ? sprintf(' %s (%s)', article_widgets_number($counts[$i], $lang), sprintf($strings['percent'], $shares[$i])) : '';
        $items .= sprintf(
            "\n    <li%s><span data-label>%s</span>%s</li>",
            article_widgets_attributes(array('data-option' => $option['id'], 'data-votes' => $shown ? $counts[$i] : null)),
            esc_html($option['label']),
            esc_html($figures)
        );
    }
    $closed = !empty($poll['closed']);
    $footer = '';
    if ($shown) {
        $footer = sprintf("\n  <p>%s</p>", esc_html(article_widgets_vote_count(array_sum($counts), $lang)));
        if ($multiple) {
            $footer .= sprintf("\n  <p>%s</p>", esc_html(sprintf($strings['base'], article_widgets_number($base, $lang))));
        }
    }
    return sprintf(
        "<opinion-poll%s>%s\n  <p data-question><strong>%s</strong></p>\n  <ul>%s\n  </ul>%s\n</opinion-poll>",
        article_widgets_attributes(array(
            'poll-id'        => $poll_id,
            'lang'           => $lang_attribute,
            'data-closed'    => $closed,
            'data-multiple'  => $multiple ? (int) $poll['maxChoices'] : null,
            'data-voters'    => $voters,
            'data-results'   => (isset($poll['results']) && $poll['results'] !== 'always') ? $poll['results'] : null,
            'data-closes-at' => !empty($poll['closesAt']) ? $poll['closesAt'] : null,
        )),
        $closed ? sprintf("\n  <p>%s</p>", esc_html($strings['closed'])) : '',
        esc_html($poll['question']),
        $items,
        $footer
    );
}

/** The share networks the elements know (share-networks.json, made from the elements' own table by the build). */
function article_widgets_networks()
{
    static $table = null;
    if ($table === null) {
        $json = file_get_contents(dirname(__DIR__) . '/assets/share-networks.json');
        $table = json_decode((string) $json, true) ?: array('networks' => array(), 'defaults' => array());
    }
    return $table;
}

/** encodeURIComponent's encoding, so a link reads the same as the element's. */
function article_widgets_encode_component($value)
{
    return strtr(rawurlencode($value), array('%21' => '!', '%2A' => '*', '%27' => "'", '%28' => '(', '%29' => ')'));
}

/**
 * <share-bar> with a plain link per network, which works with no script at all. Networks that
 * need a script (copy, the share sheet, Mastodon's server prompt) appear once the element runs.
 * @param string $networks space-separated names; '' for the language's defaults
 */
function article_widgets_share_markup($url, $title, $networks, array $options = array())
{
    $lang = isset($options['lang']) ? $options['lang'] : 'en';
    $table = article_widgets_networks();
    $names = $networks !== '' ? preg_split('/[\s,]+/', $networks, -1, PREG_SPLIT_NO_EMPTY) : $table['defaults'][$lang === 'ru' ? 'ru' : 'other'];
    $links = '';
    foreach ($names as $name) {
        $name = isset($table['aliases'][$name]) ? $table['aliases'][$name] : $name;
        if (empty($table['networks'][$name]['url']) || strpos($table['networks'][$name]['url'], '{instance}') !== false) {
            continue;
        }
        $network = $table['networks'][$name];
        $values = array('{url}' => $url, '{title}' => $title, '{text}' => $title);
        $href = preg_replace_callback('/\{(url|title|text)\}/', function ($m) use ($values) {
            return article_widgets_encode_component($values[$m[0]]);
        }, $network['url']);
        // The template comes from the elements' own table (https: or mailto:) and every value in it
        // is percent-encoded, so esc_attr is enough; esc_url would write & as &#038;.
        // The name as the element says it in the page's language (ВКонтакте on a Russian page).
        $label = isset($network['labels'][$lang]) ? $network['labels'][$lang] : $network['label'];
        $links .= sprintf("\n    <li><a href=\"%s\">%s</a></li>", esc_attr($href), esc_html($label));
    }
    return sprintf(
        "<share-bar%s>\n  <ul>%s\n  </ul>\n</share-bar>",
        article_widgets_attributes(array(
            'networks'    => $networks !== '' ? $networks : null,
            'url'         => $url,
            'share-title' => $title,
            'lang'        => isset($options['lang_attribute']) ? $options['lang_attribute'] : null,
        )),
        $links
    );
}

/**
 * Opt-in structured data: the reviewed item, of the type the site says it is, with its
 * AggregateRating. Nothing below `min_votes` votes (or with none).
 */
function article_widgets_rating_jsonld($type, $name, $url, $figures, $min_votes = 0)
{
    if ($type === '' || !$figures || (int) $figures['votes'] < max(1, (int) $min_votes)) {
        return '';
    }
    $data = array(
        '@context'        => 'https://schema.org',
        '@type'           => $type,
        'name'            => $name,
        'url'             => $url,
        'aggregateRating' => array(
            '@type'       => 'AggregateRating',
            'ratingValue' => round((float) $figures['average'], 2),
            'ratingCount' => (int) $figures['votes'],
            'bestRating'  => 5,
            'worstRating' => 1,
        ),
    );
    // JSON_HEX_TAG writes < and > as \u003C and \u003E, so no text can close the script element.
    return '<script type="application/ld+json">' . wp_json_encode($data, JSON_HEX_TAG | JSON_HEX_AMP | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE) . '</script>';
}

<?php
// Moves a site's history into the server through the admin import: kk Star Ratings' figures (post
// meta) and WP-Polls' polls with their votes (its three tables). The server sets the figures it is
// given, never adds them, so running the importer again changes nothing. Neither plugin needs to
// be active: their data stays in the database after they are switched off.
defined('ABSPATH') || exit;

/** Poll ids on the server for WP-Polls' polls: [poll id="3"] becomes [opinion_poll id="wp-polls-3"]. */
function article_widgets_wp_polls_id($poll_id)
{
    return 'wp-polls-' . (int) $poll_id;
}

/**
 * kk Star Ratings' figures per post. Version 5 keeps `_kksr_count_default` (votes) and
 * `_kksr_ratings_default` (the sum of the stars given, out of 5); versions 3 and 4 kept
 * `_kksr_casts` and `_kksr_ratings`, and older ones `_kksr_avg`. The newest a post has wins.
 * @return array{ratings: array[], skipped: string[]}
 */
function article_widgets_collect_kk_star_ratings()
{
    global $wpdb;
    $keys = array('_kksr_count_default', '_kksr_ratings_default', '_kksr_casts', '_kksr_ratings', '_kksr_avg');
    $rows = $wpdb->get_results($wpdb->prepare(
        "SELECT m.post_id, m.meta_key, m.meta_value FROM {$wpdb->postmeta} m JOIN {$wpdb->posts} p ON p.ID = m.post_id
         WHERE p.post_type <> 'revision' AND m.meta_key IN (" . implode(',', array_fill(0, count($keys), '%s')) . ') ORDER BY m.post_id',
        $keys
    ));
    $meta = array();
    foreach ($rows as $row) {
        $meta[(int) $row->post_id][$row->meta_key] = $row->meta_value;
    }
    $ratings = array();
    $skipped = array();
    foreach ($meta as $post_id => $m) {
        $pick = function ($newer, $older) use ($m) {
            return isset($m[$newer]) ? $m[$newer] : (isset($m[$older]) ? $m[$older] : null);
        };
        $votes = (int) $pick('_kksr_count_default', '_kksr_casts');
        $sum = $pick('_kksr_ratings_default', '_kksr_ratings');
        $sum = $sum !== null ? (float) $sum : (isset($m['_kksr_avg']) ? (float) $m['_kksr_avg'] * $votes : null);
        if ($votes <= 0) {
            continue;
        }
        $average = $sum === null ? 0 : $sum / $votes;
        if ($average < 1 || $average > 5) {
            $skipped[] = sprintf(__('Post %1$d: kk Star Ratings says %2$d votes averaging %3$s, which is not 1 to 5 stars.', 'article-widgets'), $post_id, $votes, $average);
            continue;
        }
        $ratings[] = array('articleId' => article_widgets_article_id($post_id), 'votes' => $votes, 'average' => round($average, 6));
    }
    return array('ratings' => $ratings, 'skipped' => $skipped);
}

/** Text as WP-Polls stored it (it allows some HTML), made plain. */
function article_widgets_plain($html, $max)
{
    $text = trim(preg_replace('/\s+/u', ' ', wp_strip_all_tags(html_entity_decode((string) $html, ENT_QUOTES, 'UTF-8'))));
    return mb_substr($text, 0, $max);
}

/**
 * WP-Polls' polls and their votes, from `{prefix}pollsq` (questions), `{prefix}pollsa` (answers
 * and their counts) and `{prefix}pollsip` (one row per logged vote). The counts move; the log
 * stays in WordPress, since it holds readers' IP addresses, which the server never stores.
 * @return array{polls: array[], skipped: string[], logged: int}
 */
function article_widgets_collect_wp_polls()
{
    global $wpdb;
    $questions_table = $wpdb->prefix . 'pollsq';
    if ($wpdb->get_var($wpdb->prepare('SHOW TABLES LIKE %s', $wpdb->esc_like($questions_table))) !== $questions_table) {
        return array('polls' => array(), 'skipped' => array(), 'logged' => 0);
    }
    $answers_table = $wpdb->prefix . 'pollsa';
    $log_table = $wpdb->prefix . 'pollsip';
    $questions = $wpdb->get_results("SELECT pollq_id, pollq_question, pollq_active, pollq_expiry, pollq_multiple, pollq_totalvoters FROM {$questions_table} ORDER BY pollq_id");
    $answers = array();
    foreach ($wpdb->get_results("SELECT polla_aid, polla_qid, polla_answers, polla_votes FROM {$answers_table} ORDER BY polla_aid") as $answer) {
        $answers[(int) $answer->polla_qid][] = $answer;
    }
    $has_log = $wpdb->get_var($wpdb->prepare('SHOW TABLES LIKE %s', $wpdb->esc_like($log_table))) === $log_table;
    $logged = $has_log ? (int) $wpdb->get_var("SELECT COUNT(*) FROM {$log_table}") : 0;

    $polls = array();
    $skipped = array();
    foreach ($questions as $q) {
        $qid = (int) $q->pollq_id;
        $question = article_widgets_plain($q->pollq_question, 1000);
        $options = array();
        foreach (isset($answers[$qid]) ? $answers[$qid] : array() as $k => $answer) {
            $label = article_widgets_plain($answer->polla_answers, 500);
            $options[] = array('id' => 'a' . (int) $answer->polla_aid, 'label' => $label !== '' ? $label : sprintf(__('Option %d', 'article-widgets'), $k + 1), 'votes' => max(0, (int) $answer->polla_votes));
        }
        if ($question === '' || count($options) < 2) {
            $skipped[] = sprintf(__('WP-Polls poll %d: a poll needs a question and at least two answers.', 'article-widgets'), $qid);
            continue;
        }
        $poll = array('id' => article_widgets_wp_polls_id($qid), 'question' => $question, 'options' => $options);
        // pollq_multiple is 0 for a single choice, else the most answers a reader may pick.
        if ((int) $q->pollq_multiple > 0) {
            $poll['multiple'] = true;
            $poll['maxChoices'] = min((int) $q->pollq_multiple, count($options));
            $poll['voters'] = max(0, (int) $q->pollq_totalvoters);
        }
        // pollq_active: 1 open, 0 closed, -1 not started yet (open here: the server has no start date).
        $poll['closed'] = ((int) $q->pollq_active) === 0;
        $expiry = (int) $q->pollq_expiry;
        $poll['closesAt'] = $expiry > 0 ? gmdate('Y-m-d\TH:i:s\Z', $expiry) : null;
        $polls[] = $poll;
    }
    return array('polls' => $polls, 'skipped' => $skipped, 'logged' => $logged);
}

/** What the importer would move, without moving it. */
function article_widgets_import_preview()
{
    $kk = article_widgets_collect_kk_star_ratings();
    $wp_polls = article_widgets_collect_wp_polls();
    return array(
        'ratings' => count($kk['ratings']),
        'polls'   => count($wp_polls['polls']),
        'votes'   => array_sum(array_column($kk['ratings'], 'votes')) + array_sum(array_map(function ($poll) {
            return array_sum(array_column($poll['options'], 'votes'));
        }, $wp_polls['polls'])),
    );
}

/**
 * Runs the import and keeps its report (shown on Tools > Article Widgets).
 * @return array|WP_Error the report: ratings, polls, votes moved, skipped (reasons), logged (WP-Polls log rows kept here)
 */
function article_widgets_import()
{
    $kk = article_widgets_collect_kk_star_ratings();
    $wp_polls = article_widgets_collect_wp_polls();
    $report = array('ratings' => 0, 'polls' => 0, 'votes' => 0, 'skipped' => array_merge($kk['skipped'], $wp_polls['skipped']), 'logged' => $wp_polls['logged'], 'at' => time());

    // Batches well inside the server's limits (10,000 ratings and 1,000 polls, 4 MB a request).
    foreach (array_chunk($kk['ratings'], 1000) as $batch) {
        $reply = article_widgets_api_import(array('ratings' => $batch));
        if (is_wp_error($reply)) {
            return $reply;
        }
        $report['ratings'] += (int) $reply['ratings'];
        $report['votes'] += array_sum(array_column($batch, 'votes'));
    }
    foreach (array_chunk($wp_polls['polls'], 100) as $batch) {
        $reply = article_widgets_api_import(array('polls' => $batch));
        if (is_wp_error($reply)) {
            return $reply;
        }
        $report['polls'] += (int) $reply['polls'];
        foreach ($batch as $poll) {
            $report['votes'] += array_sum(array_column($poll['options'], 'votes'));
        }
    }
    update_option(ARTICLE_WIDGETS_IMPORT_REPORT, $report, false);
    article_widgets_forget_figures();
    return $report;
}

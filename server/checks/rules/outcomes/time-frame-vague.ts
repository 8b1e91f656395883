/**
 * A time frame in words that names no time: "End of study", "Through study completion", "Visit 1",
 * "Up to discharge". QC review rejects such time frames: "Outcome time frames must be specific
 * ('Visit 1', 'End of study' rejected)" (registry-format.md §7a); results may not be "ONLY a
 * numeral". Reported: a time frame that is only a number, or one of the phrases the review names
 * (end of study, study completion, visit N, every visit, until discharge/progression/death) with no
 * time given beside it ("12 weeks", "Day 28", "4th day", "up to 2 years"). Time points anchored to an
 * event ("before surgery", "at discharge") are specific enough and are not reported.
 */
import { textField } from '../../../model';
import { itemRule } from '../../types';

const NUMBER = '(?:[+-]?\\d+(?:[.,]\\d+)?(?:st|nd|rd|th|\\.)?|first|second|third|fourth|sixth|twelfth|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|sixty|ninety|hundred)';
const UNIT = '(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|d|weeks?|wks?|w|months?|mos?|m|years?|yrs?|y|cycles?|nights?|doses?)';
const SPECIFIC = new RegExp(`\\b${NUMBER}\\s*-?\\s*${UNIT}\\b|\\b${UNIT}\\s*${NUMBER}\\b|\\b(?:baseline|screening|admission|birth|delivery|discharge|pre-?dose|post-?dose|hourly|daily|weekly|monthly|annually)\\b.*\\d|\\d+\\s*(?:h|hr|d|wk|mo)\\b`, 'i');
const VAGUE = /\b(end of (the )?(study|trial|treatment|therapy|follow-?up)|study completion|completion of (the )?(study|trial)|through(out)? (the )?study|duration of (the )?(study|trial|hospital stay)|visit \d+|every (study )?visit|each visit|until (discharge|progression|death))\b/i;

export const timeFrameVague = itemRule({
  code: 'time-frame-vague',
  group: 'schedule',
  defaultSeverity: 'warning',
  doc: { summary: 'A time frame in words names no time ("End of study", "Visit 1", "Through study completion").' },
  kinds: ['OutcomeBlock'],
  checkItem(o, _model, report, ctx) {
    const tf = textField(o, 'timeFrameText');
    if (!tf) return;
    ctx.at(tf.text.range);
    const t = tf.text.value.trim();
    const numeralOnly = /^\d+(\.\d+)?$/.test(t);
    if (!numeralOnly && (!VAGUE.test(t) || SPECIFIC.test(t.replace(VAGUE, '')))) return;
    const reason = numeralOnly ? 'a time frame may not be only a number' : 'the registry review rejects time frames such as "End of study" or "Visit 1"';
    report(tf.text.range, `this time frame does not say when the outcome is measured: ${reason}. Give the time, e.g. \`at month 12\` or "12 weeks after the first dose"`, { text: t });
  },
});

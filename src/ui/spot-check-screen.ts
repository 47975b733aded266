/**
 * The spot check screen: one message or caller screen at a time, "scam or genuine?", then
 * "how sure are you?", and at the end the hits, false alarms and discernment with each item
 * explained. No time limit, no Phaser: plain DOM that every keyboard and screen reader can use.
 */

import {
  type LoadedSpotCheck,
  loadSpotCheck,
  SPOT_CHECK_NAMESPACE,
} from '../content/spot-check-catalog';
import {
  type Confidence,
  nextForm,
  type SpotCheckItem,
  SpotCheckSession,
  scoreSpotCheck,
  type Verdict,
} from '../engine/index';
import type { SaveOutcome } from '../storage/player-results';
import { el, focusScreenStart, uniqueId } from './dom';
import type { AppContext, Screen } from './screen';

/** The form a device starts with when it does not know the player's class. */
const FIRST_FORM = 'A';

export function createSpotCheckScreen(app: AppContext): Screen {
  const headingId = uniqueId('spot-check');
  const heading = el('h2', { attrs: { id: headingId } });
  const body = el('div', { className: 'spot-check-body' });
  const root = el('section', { className: 'spot-check', attrs: { 'aria-labelledby': headingId } }, [
    heading,
    body,
  ]);
  let loaded: LoadedSpotCheck | undefined;
  let session: SpotCheckSession | undefined;
  let saved: SaveOutcome | undefined;
  const t = (key: string, values?: Record<string, string>) => app.i18n.t(key, values ?? {});
  const text = (key: string) => app.i18n.t(key, { ns: SPOT_CHECK_NAMESPACE });

  const load = async () => {
    loaded = await loadSpotCheck(app.language());
    app.i18n.addResourceBundle(app.language(), SPOT_CHECK_NAMESPACE, loaded.texts, true, true);
  };

  const showIntro = () => {
    if (!loaded) return;
    heading.textContent = text(loaded.spotCheck.title);
    const start = el('button', {
      className: 'primary',
      text: t('spotCheck.start'),
      attrs: { type: 'button' },
      on: { click: () => void begin() },
    });
    body.replaceChildren(
      el('p', { text: text(loaded.spotCheck.intro) }),
      el('div', { className: 'button-row' }, [start]),
    );
  };

  const begin = async () => {
    if (!loaded) return;
    const { form, phase } = nextForm(await firstForm(), await app.results.spotCheckAttempts());
    session = new SpotCheckSession(loaded.spotCheck, form, phase);
    showItem(true);
  };

  const itemCard = (item: SpotCheckItem, titleId: string) => {
    const sender = text(item.sender);
    const who = item.number
      ? t('spotCheck.senderWithNumber', { sender, number: item.number })
      : sender;
    return el(
      'article',
      { className: `spot-item spot-item-${item.kind}`, attrs: { 'aria-labelledby': titleId } },
      [
        el('p', { className: 'spot-channel', text: text(item.channel) }),
        el('p', {
          className: 'spot-sender',
          text: t(item.kind === 'call' ? 'spotCheck.callFrom' : 'spotCheck.messageFrom', {
            sender: who,
          }),
        }),
        el('blockquote', { className: 'spot-text', text: text(item.text) }),
      ],
    );
  };

  /** Shows the current item; `moveFocus` is false when only the language changed. */
  const showItem = (moveFocus: boolean) => {
    if (!session || !loaded) return;
    const item = session.current;
    if (!item) {
      void finish();
      return;
    }
    const position = session.responses.length + 1;
    const titleId = uniqueId('spot-item');
    const progress = el('h3', {
      className: 'spot-progress',
      text: t('spotCheck.progress', { n: String(position), total: String(session.items.length) }),
      attrs: { id: titleId },
    });
    const verdictLabel = uniqueId('verdict');
    const confidenceLabel = uniqueId('confidence');
    const confidenceGroup = el('div', {
      className: 'button-row',
      attrs: { role: 'group', 'aria-labelledby': confidenceLabel },
    });
    const confidenceBlock = el('div', { className: 'spot-confidence' }, [
      el('p', {
        className: 'group-label',
        text: t('spotCheck.confidenceQuestion'),
        attrs: { id: confidenceLabel },
      }),
      confidenceGroup,
    ]);
    confidenceBlock.hidden = true;
    const verdictButtons = (['scam', 'genuine'] as const).map((verdict: Verdict) =>
      el('button', {
        text: t(`spotCheck.verdict.${verdict}`),
        attrs: { type: 'button', 'data-verdict': verdict, 'aria-pressed': 'false' },
        on: {
          click: () => {
            for (const b of verdictButtons)
              b.setAttribute('aria-pressed', String(b.dataset.verdict === verdict));
            confidenceGroup.replaceChildren(
              ...([1, 2, 3] as const).map((confidence: Confidence) =>
                el('button', {
                  text: t(`spotCheck.confidence.${confidence}`),
                  attrs: { type: 'button', 'data-confidence': String(confidence) },
                  on: {
                    click: () => {
                      session?.answer(verdict, confidence);
                      showItem(true);
                    },
                  },
                }),
              ),
            );
            confidenceBlock.hidden = false;
            confidenceGroup.querySelector('button')?.focus();
          },
        },
      }),
    );
    body.replaceChildren(
      progress,
      itemCard(item, titleId),
      el('p', {
        className: 'group-label',
        text: t('spotCheck.question'),
        attrs: { id: verdictLabel },
      }),
      el(
        'div',
        { className: 'button-row', attrs: { role: 'group', 'aria-labelledby': verdictLabel } },
        verdictButtons,
      ),
      confidenceBlock,
    );
    if (moveFocus) focusScreenStart(progress);
  };

  /** The class's first form when this device knows the class, else form A. */
  const firstForm = async () => {
    const code = app.player().classCode;
    return (code ? (await app.store.getClass(code))?.firstForm : undefined) ?? FIRST_FORM;
  };

  const finish = async () => {
    if (!session || !loaded) return;
    if (saved === undefined) {
      saved = await app.results.save(
        session.result({ id: crypto.randomUUID(), locale: app.language() }),
      );
    }
    const score = scoreSpotCheck(session.items, session.responses);
    const scams = score.hits + score.misses;
    const genuine = score.falseAlarms + score.correctRejections;
    const summaryId = uniqueId('spot-summary');
    const summary = el('h3', { text: t('spotCheck.summaryHeading'), attrs: { id: summaryId } });
    const answers = session.responses;
    body.replaceChildren(
      el('section', { attrs: { 'aria-labelledby': summaryId } }, [
        summary,
        el('p', {
          className: 'score',
          text: t('spotCheck.hits', { hits: String(score.hits), scams: String(scams) }),
        }),
        el('p', {
          text: t('spotCheck.trusted', {
            trusted: String(score.correctRejections),
            genuine: String(genuine),
          }),
        }),
        el('p', {
          text: t('spotCheck.discernment', {
            value: (score.discernment >= 0 ? '+' : '') + score.discernment.toFixed(2),
          }),
        }),
        el('p', { className: 'hint', text: t('spotCheck.discernmentHelp') }),
        saved !== 'saved' &&
          el('p', {
            className: 'warning',
            text: t(saved === 'memory-only' ? 'debrief.memoryOnly' : 'debrief.notSaved'),
            attrs: { role: 'status' },
          }),
        el(
          'ol',
          { className: 'spot-answers' },
          session.items.map((item) => {
            const given = answers.find((a) => a.item === item.id);
            const right = given?.answer === item.answer;
            return el('li', { attrs: { 'data-item': item.id } }, [
              el('strong', { text: text(item.sender) }),
              ' ',
              el('span', {
                className: right ? 'right' : 'wrong',
                text: t(right ? 'spotCheck.right' : 'spotCheck.wrong', {
                  answer: t(`spotCheck.verdict.${item.answer}`),
                }),
              }),
              el('p', { text: text(item.explanation) }),
            ]);
          }),
        ),
        el('div', { className: 'button-row' }, [
          el('button', {
            className: 'primary',
            text: t('debrief.backToList'),
            attrs: { type: 'button' },
            on: { click: () => app.goHome() },
          }),
        ]),
      ]),
    );
    focusScreenStart(summary);
  };

  void (async () => {
    heading.textContent = t('spotCheck.loading');
    try {
      await load();
      showIntro();
    } catch (error) {
      console.error(error);
      body.replaceChildren(
        el('p', {
          className: 'status error',
          text: t('errors.scenarioLoad'),
          attrs: { role: 'status' },
        }),
      );
    }
  })();

  return {
    root,
    heading,
    async relabel() {
      try {
        await load();
      } catch (error) {
        console.error(error);
        return;
      }
      if (!loaded) return;
      heading.textContent = text(loaded.spotCheck.title);
      if (!session) showIntro();
      else showItem(false);
    },
    destroy() {},
  };
}

/**
 * Sending results to the teacher with no network: a QR code to scan, a text code to copy, and
 * a results file to save. All three carry the same payload, with a schema version and a
 * checksum, so the teacher's device can refuse anything damaged.
 */
import { encode } from 'uqr';
import { createPayload, encodeCode, encodeFile, fileName } from '../teacher/transfer';
import { el, uniqueId } from './dom';
import { downloadText } from './download';
import type { AppContext, Screen } from './screen';

const SVG = 'http://www.w3.org/2000/svg';

/** Draws a QR code as an SVG built from DOM nodes (no markup strings). */
function qrCode(text: string, label: string): SVGSVGElement {
  const qr = encode(text, { ecc: 'L', border: 2 });
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${qr.size} ${qr.size}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.setAttribute('class', 'qr-code');
  svg.setAttribute('shape-rendering', 'crispEdges');
  const background = document.createElementNS(SVG, 'rect');
  background.setAttribute('width', String(qr.size));
  background.setAttribute('height', String(qr.size));
  background.setAttribute('fill', '#ffffff');
  const path = document.createElementNS(SVG, 'path');
  let d = '';
  qr.data.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) d += `M${x},${y}h1v1h-1z`;
    });
  });
  path.setAttribute('d', d);
  path.setAttribute('fill', '#000000');
  svg.append(background, path);
  return svg;
}

export function createShareScreen(app: AppContext): Screen {
  const t = (key: string, values?: Record<string, string>) => app.i18n.t(key, values ?? {});
  const headingId = uniqueId('share');
  const heading = el('h2', { attrs: { id: headingId } });
  const body = el('div', { className: 'share-body' });
  const root = el('section', { className: 'share', attrs: { 'aria-labelledby': headingId } }, [
    heading,
    body,
  ]);

  const render = async () => {
    heading.textContent = t('share.heading');
    const player = app.player();
    const records = await app.results.mine();
    const back = el('button', {
      text: t('debrief.backToList'),
      attrs: { type: 'button' },
      on: { click: () => app.goHome() },
    });
    if (player.classCode === null || records.length === 0) {
      body.replaceChildren(
        el('p', { text: t(player.classCode === null ? 'share.noClass' : 'share.nothingYet') }),
        el('div', { className: 'button-row' }, [back]),
      );
      return;
    }
    const payload = createPayload({
      classCode: player.classCode,
      student: player.student,
      results: records.map((r) => r.result),
      now: new Date(),
    });
    const code = await encodeCode(payload);
    let qr: Element;
    try {
      qr = qrCode(code, t('share.qrLabel'));
    } catch {
      // Too much for one QR code: the text code and the file carry any amount.
      qr = el('p', { className: 'warning', text: t('share.qrTooBig') });
    }
    const codeBox = el('textarea', {
      className: 'transfer-code',
      attrs: { id: 'share-code', readonly: '', rows: '4', spellcheck: 'false' },
    });
    codeBox.value = code;
    const copied = el('p', { className: 'status', attrs: { role: 'status' } });
    const copy = el('button', {
      text: t('share.copy'),
      attrs: { type: 'button' },
      on: {
        click: async () => {
          codeBox.select();
          try {
            await navigator.clipboard.writeText(code);
            copied.textContent = t('share.copied');
          } catch {
            copied.textContent = t('share.copyByHand');
          }
        },
      },
    });
    const save = el('button', {
      className: 'primary',
      text: t('share.saveFile'),
      attrs: { type: 'button', 'data-action': 'save-results-file' },
      on: {
        click: () => downloadText(fileName(payload), encodeFile(payload), 'application/json'),
      },
    });
    body.replaceChildren(
      el('p', {
        text: t('share.summary', {
          student: player.student,
          code: player.classCode,
          count: String(records.length),
        }),
      }),
      el('section', { className: 'share-qr' }, [el('h3', { text: t('share.qrHeading') }), qr]),
      el('section', { className: 'share-code' }, [
        el('h3', { text: t('share.codeHeading') }),
        el('div', { className: 'field' }, [
          el('label', { text: t('share.codeLabel'), attrs: { for: 'share-code' } }),
          codeBox,
        ]),
        el('div', { className: 'button-row' }, [copy]),
        copied,
      ]),
      el('section', { className: 'share-file' }, [
        el('h3', { text: t('share.fileHeading') }),
        el('p', { text: t('share.fileHelp') }),
        el('div', { className: 'button-row' }, [save]),
      ]),
      el('div', { className: 'button-row' }, [back]),
    );
  };
  void render();
  return { root, heading, relabel: render, destroy() {} };
}

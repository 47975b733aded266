/**
 * The decision point as real buttons: replies in one labelled group, safety actions in another.
 * The canvas only draws; this is where every choice is made, by mouse, touch, keyboard or
 * screen reader alike.
 */
import type { TFunction } from 'i18next';
import type { Choice } from '../engine/index';
import { el, uniqueId } from './dom';

export interface ChoicePanel {
  readonly root: HTMLElement;
  /** Shows a decision; with `focus`, moves focus to its first choice. */
  show(
    prompt: string,
    choices: readonly Choice[],
    label: (key: string) => string,
    focus: boolean,
  ): void;
  clear(): void;
  relabel(t: TFunction): void;
}

export function createChoicePanel(onChoose: (choiceId: string) => void): ChoicePanel {
  const promptId = uniqueId('prompt');
  const prompt = el('h3', { className: 'prompt', attrs: { id: promptId } });
  const repliesLabelId = uniqueId('replies');
  const actionsLabelId = uniqueId('actions');
  const repliesLabel = el('p', { className: 'group-label', attrs: { id: repliesLabelId } });
  const actionsLabel = el('p', { className: 'group-label', attrs: { id: actionsLabelId } });
  const replies = el('div', {
    className: 'options',
    attrs: { role: 'group', 'aria-labelledby': `${promptId} ${repliesLabelId}` },
  });
  const actions = el('div', {
    className: 'safety-actions',
    attrs: { role: 'group', 'aria-labelledby': actionsLabelId },
  });
  const repliesBlock = el('div', {}, [repliesLabel, replies]);
  const actionsBlock = el('div', {}, [actionsLabel, actions]);
  const root = el('section', { className: 'choices', attrs: { 'aria-labelledby': promptId } }, [
    prompt,
    repliesBlock,
    actionsBlock,
  ]);
  root.hidden = true;

  const choose = (id: string) => {
    // One choice per decision: a double click must not count twice.
    for (const button of root.querySelectorAll('button')) button.disabled = true;
    onChoose(id);
  };
  const button = (choice: Choice, label: (key: string) => string) =>
    el('button', {
      className: choice.sort === 'action' ? `action action-${choice.actionKind}` : 'option',
      text: label(choice.text),
      attrs: { type: 'button', 'data-choice-id': choice.id },
      on: { click: () => choose(choice.id) },
    });

  return {
    root,
    show(promptText, choices, label, focus) {
      prompt.textContent = promptText;
      const options = choices.filter((c) => c.sort === 'option');
      const safety = choices.filter((c) => c.sort === 'action');
      replies.replaceChildren(...options.map((c) => button(c, label)));
      actions.replaceChildren(...safety.map((c) => button(c, label)));
      repliesBlock.hidden = options.length === 0;
      actionsBlock.hidden = safety.length === 0;
      root.hidden = false;
      if (focus) root.querySelector<HTMLButtonElement>('button')?.focus();
    },
    clear() {
      root.hidden = true;
      replies.replaceChildren();
      actions.replaceChildren();
    },
    relabel(t) {
      repliesLabel.textContent = t('play.replies');
      actionsLabel.textContent = t('play.safetyActions');
    },
  };
}

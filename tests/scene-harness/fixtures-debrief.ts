/**
 * Debrief pictures for the harness: the `at` positions are those real walks give (see
 * tests/unit/debrief-picture.test.ts), the words those of the app's and scenarios' locale files.
 */
import type { DebriefPicture } from '../../src/ui/phone-screen';
import { LOOK } from './fixtures-base';

const EN = {
  spotted: 'You spotted it',
  missed: 'You missed it this time',
  notSeen: 'It did not come up in your game',
};

export const DEBRIEF_FIXTURES: Record<string, DebriefPicture> = {
  /** 100%, safe, four flags spotted (the friend who notices). */
  'debrief-safe': {
    percent: 100,
    outcome: 'safe',
    scoreLabel: 'Safety score: 100%',
    outcomeLabel: 'Safe',
    flags: [
      {
        label: 'A call that lasts for hours and must stay secret',
        status: 'spotted',
        statusLabel: EN.spotted,
        at: 0.03,
      },
      {
        label: '"It\'s the real consulate number"',
        status: 'spotted',
        statusLabel: EN.spotted,
        at: 0.19,
      },
      {
        label: 'Sudden orders: leave school, take out cash, move out',
        status: 'spotted',
        statusLabel: EN.spotted,
        at: 0.41,
      },
      {
        label: 'A friend who vanishes and says "don\'t tell anyone"',
        status: 'spotted',
        statusLabel: EN.spotted,
        at: 0.63,
      },
    ],
    look: LOOK,
  },
  /** 40%, harmed, spotted and missed flags and one that never came up (Toronto police call). */
  'debrief-harmed': {
    percent: 40,
    outcome: 'harmed',
    scoreLabel: 'Safety score: 40%',
    outcomeLabel: 'Harmed, and recovering',
    flags: [
      {
        label: 'A police name and number on the caller ID',
        status: 'spotted',
        statusLabel: EN.spotted,
        at: 0.04,
      },
      {
        label: 'A threat of arrest over the phone',
        status: 'missed',
        statusLabel: EN.missed,
        at: 0.24,
      },
      {
        label: 'Questions about your personal details',
        status: 'spotted',
        statusLabel: EN.spotted,
        at: 0.28,
      },
      {
        label: '"Stay on the line and tell no one"',
        status: 'missed',
        statusLabel: EN.missed,
        at: 0.4,
      },
      { label: 'A demand for payment in Bitcoin', status: 'not-seen', statusLabel: EN.notSeen },
    ],
    look: LOOK,
  },
  /** A genuine contact: the flags are what made it look like a scam, "checked" or not. */
  'debrief-genuine': {
    percent: 67,
    outcome: 'safe',
    scoreLabel: 'Safety score: 67%',
    outcomeLabel: 'Safe',
    flags: [
      {
        label: 'A text out of the blue about your money',
        status: 'spotted',
        statusLabel: 'You checked it',
        at: 0.05,
      },
      {
        label: 'A worrying message that pushes you to act fast',
        status: 'missed',
        statusLabel: 'You did not check it this time',
        at: 0.05,
      },
    ],
    look: LOOK,
  },
  /** Seven flags with long French labels, three close together, two never seen. */
  'debrief-french-7': {
    percent: 57,
    outcome: 'safe-but-costly',
    scoreLabel: 'Score de sécurité : 57 %',
    outcomeLabel: 'En sécurité, mais ça a coûté quelque chose',
    flags: [
      {
        label: "« Toronto Police » sur l'afficheur",
        status: 'spotted',
        statusLabel: "Tu l'as repéré",
        at: 0.04,
      },
      {
        label: "Des menaces d'arrestation ou d'expulsion au téléphone",
        status: 'missed',
        statusLabel: "Tu ne l'as pas repéré cette fois",
        at: 0.1,
      },
      {
        label: 'Être transféré à la « police chinoise » en appel vidéo',
        status: 'missed',
        statusLabel: "Tu ne l'as pas repéré cette fois",
        at: 0.12,
      },
      {
        label: 'Une demande de passeport et de renseignements bancaires',
        status: 'spotted',
        statusLabel: "Tu l'as repéré",
        at: 0.14,
      },
      {
        label: "De l'argent « pour l'enquête », envoyé à l'étranger, avant la fin de la journée",
        status: 'spotted',
        statusLabel: "Tu l'as repéré",
        at: 0.46,
      },
      {
        label: "« N'en parle à personne, même pas à tes parents »",
        status: 'not-seen',
        statusLabel: "Il n'est pas apparu dans ta partie",
      },
      {
        label: 'Une « fausse photo » fabriquée à partir de tes photos ordinaires',
        status: 'not-seen',
        statusLabel: "Il n'est pas apparu dans ta partie",
      },
    ],
    look: LOOK,
  },
  /** Simplified Chinese (Toronto police call, a mixed walk). */
  'debrief-chinese': {
    percent: 60,
    outcome: 'safe-but-costly',
    scoreLabel: '安全分数：60%',
    outcomeLabel: '安全，但付出了代价',
    flags: [
      { label: '来电显示是警察的名称和号码', status: 'spotted', statusLabel: '你发现了', at: 0.04 },
      { label: '在电话里威胁要逮捕你', status: 'missed', statusLabel: '这次你没有发现', at: 0.21 },
      { label: '打听你的个人信息', status: 'missed', statusLabel: '这次你没有发现', at: 0.25 },
      { label: '“别挂电话，也别告诉任何人”', status: 'spotted', statusLabel: '你发现了', at: 0.36 },
      { label: '要求用比特币付款', status: 'not-seen', statusLabel: '在你这一局里没有出现' },
    ],
    look: LOOK,
  },
  /** High contrast and reduced motion: the final picture at once. */
  'debrief-high-contrast': {
    percent: 40,
    outcome: 'harmed',
    scoreLabel: 'Safety score: 40%',
    outcomeLabel: 'Harmed, and recovering',
    flags: [
      {
        label: 'A police name and number on the caller ID',
        status: 'spotted',
        statusLabel: EN.spotted,
        at: 0.04,
      },
      {
        label: 'A threat of arrest over the phone',
        status: 'missed',
        statusLabel: EN.missed,
        at: 0.24,
      },
      {
        label: 'Questions about your personal details',
        status: 'spotted',
        statusLabel: EN.spotted,
        at: 0.28,
      },
      {
        label: '"Stay on the line and tell no one"',
        status: 'missed',
        statusLabel: EN.missed,
        at: 0.4,
      },
      { label: 'A demand for payment in Bitcoin', status: 'not-seen', statusLabel: EN.notSeen },
    ],
    look: { reducedMotion: true, highContrast: true, textScale: 1 },
  },
  /** Text at 200%, six flags (the Instagram approach). */
  'debrief-text-2x': {
    percent: 83,
    outcome: 'safe',
    scoreLabel: 'Safety score: 83%',
    outcomeLabel: 'Safe',
    flags: [
      {
        label: "A follow request from someone you've never met",
        status: 'spotted',
        statusLabel: EN.spotted,
        at: 0.03,
      },
      {
        label: 'Fast compliments and romance from a stranger',
        status: 'spotted',
        statusLabel: EN.spotted,
        at: 0.15,
      },
      { label: 'Sudden sexual questions', status: 'missed', statusLabel: EN.missed, at: 0.3 },
      {
        label: '"Let\'s move to another app"',
        status: 'spotted',
        statusLabel: EN.spotted,
        at: 0.34,
      },
      { label: 'Her camera never works', status: 'not-seen', statusLabel: EN.notSeen },
      {
        label: 'A request for a private photo',
        status: 'spotted',
        statusLabel: EN.spotted,
        at: 0.58,
      },
    ],
    look: { reducedMotion: false, highContrast: false, textScale: 2 },
  },
};

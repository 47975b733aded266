/**
 * The call scene's fixtures: an incoming call with a faked Toronto Police caller ID, calls with
 * long captions in three languages, the badge-only video call and its "transfer", the call-ended
 * screen, the dialer, and the high-contrast and large-text looks.
 */
import type { CallScreen, PhoneLabels, PhoneScreen } from '../../src/ui/phone-screen';
import { LABELS, LOOK } from './fixtures-base';

const FR_LABELS: PhoneLabels = {
  ...LABELS,
  answer: 'Répondre',
  decline: 'Refuser',
  hangUp: 'Raccrocher',
  directory: 'Numéros officiels',
  calling: 'Appel en cours…',
  cameraOff: 'La caméra ne montre qu’un insigne',
  actions: {
    block: 'Bloquer',
    report: 'Signaler',
    screenshot: 'Capture',
    'tell-adult': 'En parler',
    'hang-up': 'Raccrocher',
    'call-back': 'Rappeler',
  },
};

const ZH_LABELS: PhoneLabels = {
  ...LABELS,
  answer: '接听',
  decline: '拒接',
  hangUp: '挂断',
  directory: '官方号码',
  calling: '正在呼叫…',
  cameraOff: '摄像头只显示一枚徽章',
  actions: {
    block: '屏蔽',
    report: '举报',
    screenshot: '截图',
    'tell-adult': '告诉别人',
    'hang-up': '挂断',
    'call-back': '回拨',
  },
};

/** The faked caller ID: the name and the real non-emergency number of Toronto Police. */
const TORONTO: CallScreen = {
  video: false,
  callNumber: 1,
  name: 'Toronto Police',
  number: '416-808-2300',
  subtitle: 'Toronto, ON',
  caption: '',
  captionSpeaker: '',
  camera: 'avatar',
  actions: [],
};

const LONG_EN =
  'Your identity was used to open bank accounts for criminals. A warrant has been issued in your name, and officers could come to pick you up today. I can help you clear this up, but first I need to confirm your date of birth, your home address and your bank card number.';
const LONG_FR =
  'Ton identité a servi à ouvrir des comptes bancaires pour des criminels. Un mandat d’arrêt a été émis à ton nom, et des agents pourraient venir te chercher aujourd’hui. Je peux t’aider à régler ça. D’abord, je dois confirmer ta date de naissance, ton adresse et le numéro de ta carte bancaire.';
const LONG_ZH =
  '你的身份被犯罪分子用来开设银行账户。警方已经签发了对你的逮捕令，今天就可能有警员上门带走你。我可以帮你把这件事处理好。首先，我需要核实你的出生日期、家庭住址和银行卡号。';

const CALL_EN: CallScreen = {
  ...TORONTO,
  caption: LONG_EN,
  captionSpeaker: 'Officer Clarke',
  actions: ['hang-up', 'call-back', 'tell-adult'],
};

const IN_CALL: PhoneScreen = {
  view: 'in-call',
  status: 'On a call',
  clock: '16:03',
  call: CALL_EN,
  labels: LABELS,
  look: LOOK,
};

const VIDEO_CALL: CallScreen = {
  video: true,
  callNumber: 2,
  name: 'Toronto Police',
  number: '416-808-2300',
  subtitle: 'Toronto, ON',
  caption: 'Transferring you now. Don’t hang up.',
  captionSpeaker: 'Constable Reid',
  camera: 'badge',
  actions: ['hang-up', 'screenshot', 'tell-adult'],
};

const VIDEO: PhoneScreen = {
  view: 'in-call',
  status: 'On a video call',
  clock: '19:12',
  call: VIDEO_CALL,
  labels: LABELS,
  look: LOOK,
};

const ENTRIES = [
  { name: 'Toronto Police Service', number: '416-808-2300' },
  { name: 'Canadian Anti-Fraud Centre', number: '1-888-495-8501' },
];

const DIALER: PhoneScreen = {
  view: 'dialer',
  status: 'Phone',
  clock: '16:10',
  dialer: { entries: ENTRIES },
  labels: LABELS,
  look: LOOK,
};

export const CALL_FIXTURES: Record<string, PhoneScreen> = {
  'call-incoming': {
    view: 'incoming-call',
    status: 'Incoming call',
    clock: '16:02',
    call: TORONTO,
    labels: LABELS,
    look: LOOK,
  },
  'call-incoming-video': {
    view: 'incoming-call',
    status: 'Incoming video call',
    clock: '19:10',
    call: { ...TORONTO, video: true, camera: 'badge' },
    labels: LABELS,
    look: { ...LOOK, reducedMotion: true },
  },
  'call-in-call-en': IN_CALL,
  'call-in-call-fr': {
    ...IN_CALL,
    status: 'Appel en cours',
    call: {
      ...CALL_EN,
      subtitle: 'Toronto (Ontario)',
      caption: LONG_FR,
      captionSpeaker: 'Agent Clarke',
    },
    labels: FR_LABELS,
  },
  'call-in-call-zh': {
    ...IN_CALL,
    status: '通话中',
    call: {
      ...CALL_EN,
      subtitle: '安大略省多伦多',
      caption: LONG_ZH,
      captionSpeaker: '“警官” Clarke',
    },
    labels: ZH_LABELS,
  },
  'call-in-call-short': {
    ...IN_CALL,
    call: { ...CALL_EN, caption: 'Good afternoon.', actions: ['hang-up'] },
  },
  'call-video-badge': VIDEO,
  'call-video-transfer': {
    ...VIDEO,
    call: {
      ...VIDEO_CALL,
      callNumber: 3,
      name: 'Video caller',
      number: '647-555-0199',
      subtitle: 'The camera shows only a police badge',
      caption:
        'I am an officer of the police in China. You are a suspect in a money-laundering case. If you are found guilty, you will be arrested and sent back under guard.',
      captionSpeaker: 'Video caller',
    },
  },
  'call-video-avatar': {
    ...VIDEO,
    call: {
      ...VIDEO_CALL,
      camera: 'avatar',
      caption: '',
      captionSpeaker: '',
      actions: ['hang-up'],
    },
  },
  'call-ended': {
    view: 'call-ended',
    status: 'Call ended',
    clock: '16:07',
    call: { ...TORONTO, endedBy: 'contact' },
    labels: LABELS,
    look: LOOK,
  },
  'call-ended-player': {
    view: 'call-ended',
    status: 'Call ended',
    clock: '16:07',
    call: { ...TORONTO, endedBy: 'player' },
    labels: LABELS,
    look: LOOK,
  },
  'call-dialer': DIALER,
  'call-dialer-zh': {
    ...DIALER,
    status: '电话',
    dialer: {
      entries: [
        { name: '多伦多警察局（Toronto Police Service）', number: '416-808-2300' },
        { name: '加拿大反欺诈中心', number: '1-888-495-8501' },
      ],
    },
    labels: ZH_LABELS,
  },
  'call-dialling': {
    ...DIALER,
    dialer: {
      entries: ENTRIES,
      dialling: { name: 'Toronto Police Service', number: '416-808-2300' },
    },
  },
  'call-high-contrast': { ...IN_CALL, look: { ...LOOK, highContrast: true } },
  'call-high-contrast-video': { ...VIDEO, look: { ...LOOK, highContrast: true } },
  'call-high-contrast-incoming': {
    view: 'incoming-call',
    status: 'Incoming call',
    clock: '16:02',
    call: TORONTO,
    labels: LABELS,
    look: { ...LOOK, highContrast: true },
  },
  'call-text-2x': { ...IN_CALL, look: { ...LOOK, textScale: 2 } },
  'call-text-2x-incoming': {
    view: 'incoming-call',
    status: 'Incoming call',
    clock: '16:02',
    call: TORONTO,
    labels: LABELS,
    look: { ...LOOK, textScale: 2 },
  },
  'call-text-2x-video': { ...VIDEO, look: { ...LOOK, textScale: 2 } },
  'call-text-2x-dialer': { ...DIALER, look: { ...LOOK, textScale: 2 } },
};

/**
 * The chat scene's fixtures: every part of the DM app, in three languages, with the player's
 * display settings. Lines are taken from the scenarios, so the pictures show real content.
 */
import type {
  ChatItem,
  ChatScreen,
  PhoneLabels,
  PhoneLook,
  PhoneScreen,
} from '../../src/ui/phone-screen';
import { LABELS, LOOK } from './fixtures-base';

const FR_LABELS: PhoneLabels = {
  answer: 'Répondre',
  decline: 'Refuser',
  hangUp: 'Raccrocher',
  accept: 'Accepter',
  ignore: 'Ignorer',
  typing: 'écrit…',
  read: 'Lu',
  delivered: 'Distribué',
  hiddenImage: 'Image masquée',
  blocked: 'Tu as bloqué ce compte.',
  messagePlaceholder: 'Message…',
  directory: 'Numéros officiels',
  calling: 'Appel en cours…',
  cameraOff: 'La caméra ne montre qu’un insigne',
  unsupported:
    'Cette partie de l’histoire ne peut pas s’afficher sur le téléphone. Lis-la à côté du téléphone, ou quitte le scénario.',
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
  answer: '接听',
  decline: '拒接',
  hangUp: '挂断',
  accept: '接受',
  ignore: '忽略',
  typing: '正在输入…',
  read: '已读',
  delivered: '已送达',
  hiddenImage: '图片已隐藏',
  blocked: '你已屏蔽此账号。',
  messagePlaceholder: '发消息…',
  directory: '官方号码',
  calling: '正在呼叫…',
  cameraOff: '摄像头只显示一枚徽章',
  unsupported: '这部分故事无法在手机上显示。请阅读手机旁边的文字，或者离开。',
  actions: {
    block: '屏蔽',
    report: '举报',
    screenshot: '截图',
    'tell-adult': '告诉别人',
    'hang-up': '挂断',
    'call-back': '回拨',
  },
};

const SAFETY = ['block', 'report', 'screenshot', 'tell-adult'] as const;

function chatScreen(
  chat: Partial<ChatScreen> & Pick<ChatScreen, 'items'>,
  options: { labels?: PhoneLabels; look?: Partial<PhoneLook>; clock?: string } = {},
): PhoneScreen {
  return {
    view: 'chat',
    status: chat.appName ?? 'Messages',
    clock: options.clock ?? '16:09',
    labels: options.labels ?? LABELS,
    look: { ...LOOK, ...options.look },
    chat: {
      appLook: 'first',
      appName: 'Messages',
      contactName: 'Leah',
      contactSubtitle: "leah.k · says she's in your grade",
      typing: false,
      actions: SAFETY,
      blocked: false,
      ...chat,
    },
  };
}

let nextId = 0;
const contact = (text: string, time: string): ChatItem => ({
  kind: 'text',
  id: String(nextId++),
  from: 'contact',
  text,
  time,
});
const player = (text: string, time: string, receipt: 'read' | 'delivered' = 'read'): ChatItem => ({
  kind: 'text',
  id: String(nextId++),
  from: 'player',
  text,
  time,
  receipt,
});
const note = (text: string): ChatItem => ({ kind: 'note', id: String(nextId++), text });

const DM: ChatItem[] = [
  note('You accept. A minute later, a message from Leah pops up.'),
  contact("hiii 😊 sorry if this is random, i saw you in someone's story", '16:03'),
  player('haha hi', '16:04'),
  contact('ur honestly really cute. r u single?? i feel like we’d get along', '16:05'),
  player('lol thanks. who are you though?', '16:06', 'delivered'),
];

const SWITCH: ChatItem[] = [
  note('Conversation moved to ChatNest'),
  note('On ChatNest, Leah starts a video call.'),
  contact('ugh my camera is broken again 😩 but i can see u. ur so cute', '16:12'),
  player('why does your camera never work?', '16:13', 'delivered'),
];

const IMAGE: ChatItem[] = [
  note('Conversation moved to ChatNest'),
  contact("i'll send u a pic so u know it's really me 😘", '16:14'),
  {
    kind: 'image',
    id: String(nextId++),
    from: 'contact',
    text: 'a photo Leah says is of her',
    time: '16:14',
  },
  contact("ur turn 🥺 i sent one, it's only fair", '16:15'),
];

const FRENCH: ChatItem[] = [
  note(
    'Tu lui réponds. Pendant une semaine, Leah et toi vous écrivez tous les soirs. Elle veut tout savoir : ton école, les noms de tes amis, où vous vous tenez.',
  ),
  contact('t’es la seule personne à qui je peux vraiment parler 💕', '16:20'),
  contact(
    'lol désolée 🙈 cette appli est trop publique. on se parle sur ChatNest à la place, les messages disparaissent. ajoute-moi : leah.k',
    '16:21',
  ),
  player(
    'Pourquoi changer d’appli? Je préfère rester ici, c’est anticonstitutionnellement compliqué sinon',
    '16:22',
    'delivered',
  ),
  contact(
    'https://chatnest.example/invitation/leah.k/abcdefghijklmnopqrstuvwxyz0123456789',
    '16:23',
  ),
];

const CHINESE: ChatItem[] = [
  note('你接受了。一分钟后，Leah 发来了一条消息。'),
  contact('嗨～😊 有点突然不好意思，我在别人的动态里看到你了', '16:03'),
  player('哈哈你好', '16:04'),
  contact('说真的你好可爱啊。你单身吗？？感觉我们会很聊得来', '16:05'),
  contact(
    '哈哈不好意思🙈 这个软件太公开了。我们去 ChatNest 聊吧，消息会自动消失。加我：leah.k',
    '16:06',
  ),
  player('为什么要换软件？我觉得在这里聊就挺好的。', '16:07', 'delivered'),
];

const MANY: ChatItem[] = [
  note('You write back. For the next week, you and Leah message every evening.'),
  ...Array.from({ length: 22 }, (_, index) =>
    index % 3 === 2
      ? player(`message ${index + 1}: ok sure`, `16:${String(10 + index).padStart(2, '0')}`)
      : contact(
          `message ${index + 1}: ${index % 2 ? 'what school do u go to?' : 'ur the only one i can really talk to 💕'}`,
          `16:${String(10 + index).padStart(2, '0')}`,
        ),
  ),
  player('the newest message, at the bottom', '16:40', 'delivered'),
];

export const CHAT_FIXTURES: Record<string, PhoneScreen> = {
  'chat-dm': chatScreen({ items: DM }),
  'chat-typing': chatScreen({ items: DM.slice(0, 3), typing: true }),
  'chat-typing-still': chatScreen(
    { items: DM.slice(0, 3), typing: true },
    { look: { reducedMotion: true } },
  ),
  'chat-request': chatScreen({
    items: [],
    actions: ['block', 'report'],
    request: {
      name: 'Leah',
      subtitle: "leah.k · says she's in your grade",
      text: 'Two people from your school follow her.',
      state: 'pending',
    },
  }),
  'chat-request-accepted': chatScreen({
    items: [note('You accept. A minute later, a message from Leah pops up.')],
    request: {
      name: 'Leah',
      subtitle: "leah.k · says she's in your grade",
      text: '',
      state: 'accepted',
    },
  }),
  'chat-request-ignored': chatScreen({
    items: [],
    actions: [],
    request: { name: 'Leah', subtitle: 'leah.k', text: '', state: 'ignored' },
  }),
  'chat-second-app': chatScreen({ items: SWITCH, appLook: 'second', appName: 'ChatNest' }),
  'chat-image': chatScreen({ items: IMAGE, appLook: 'second', appName: 'ChatNest' }),
  'chat-image-first': chatScreen({ items: IMAGE.slice(1) }),
  'chat-blocked': chatScreen({ items: DM, blocked: true, actions: ['report', 'tell-adult'] }),
  'chat-french': chatScreen(
    {
      items: FRENCH,
      contactSubtitle: 'leah.k · dit être dans ton année',
      typing: true,
    },
    { labels: FR_LABELS },
  ),
  'chat-french-request': chatScreen(
    {
      items: [],
      contactSubtitle: 'leah.k · dit être dans ton année',
      request: {
        name: 'Leah',
        subtitle: 'leah.k · dit être dans ton année',
        text: 'Deux élèves de ton école sont déjà abonnés à son compte.',
        state: 'pending',
      },
    },
    { labels: FR_LABELS },
  ),
  'chat-chinese': chatScreen(
    { items: CHINESE, contactSubtitle: 'leah.k · 自称和你同年级' },
    { labels: ZH_LABELS },
  ),
  'chat-chinese-blocked': chatScreen(
    {
      items: IMAGE,
      appLook: 'second',
      appName: 'ChatNest',
      blocked: true,
      contactSubtitle: 'leah.k',
    },
    { labels: ZH_LABELS },
  ),
  'chat-high-contrast': chatScreen({ items: DM, typing: true }, { look: { highContrast: true } }),
  'chat-high-contrast-second': chatScreen(
    { items: IMAGE, appLook: 'second', appName: 'ChatNest' },
    { look: { highContrast: true } },
  ),
  'chat-text-2x': chatScreen({ items: DM }, { look: { textScale: 2 } }),
  'chat-overflow': chatScreen({ items: MANY }),
  'chat-empty': chatScreen({
    items: [note('Twenty minutes pass.')],
    contactName: '',
    contactSubtitle: '',
    actions: [],
  }),
  'chat-long-name': chatScreen({
    items: DM.slice(0, 2),
    contactName: 'Officer Jean-Baptiste Tremblay-Lefebvre (Toronto Police Service)',
    contactSubtitle: 'Verified account · Toronto Police Service · Division 52',
    actions: ['block', 'report', 'screenshot', 'tell-adult', 'hang-up', 'call-back'],
  }),
};

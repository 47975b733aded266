/**
 * The official guidance the game teaches, as ids: for each scam type, the red flags and the
 * correct actions listed in the scam briefs (shared/scam-briefs.md) and the current official
 * guidance that sharpens them. Scenarios tie their red flags and right actions to these ids
 * (`guidance`), and a test fails when no scenario of a type teaches one of them any more.
 *
 * The descriptions are for authors and reviewers; players see the scenarios' own words.
 */

export const SCAM_TYPES = [
  'police-impersonation',
  'virtual-kidnapping',
  'sextortion',
  /** A real contact that looks alarming: the right move is to check, then go ahead. */
  'genuine',
] as const;
export type ScamType = (typeof SCAM_TYPES)[number];

/** Youngest players a scenario is written for. Sextortion is 11+ at the lowest. */
export const AGE_BANDS = ['9+', '11+', '13+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const MIN_AGE: Record<AgeBand, number> = { '9+': 9, '11+': 11, '13+': 13 };

/** The youngest band each scam type may be shown to. */
export const YOUNGEST_BAND: Record<ScamType, AgeBand> = {
  'police-impersonation': '9+',
  'virtual-kidnapping': '9+',
  sextortion: '11+',
  genuine: '9+',
};

export interface GuidanceItem {
  readonly id: string;
  readonly brief: string;
}

export interface Guidance {
  readonly redFlags: readonly GuidanceItem[];
  readonly actions: readonly GuidanceItem[];
}

export const GUIDANCE: Record<ScamType, Guidance> = {
  'police-impersonation': {
    redFlags: [
      { id: 'official-caller-id', brief: 'A police or government caller ID (it can be faked).' },
      {
        id: 'threat-of-arrest',
        brief: 'Threats of arrest, deportation or a warrant, on the phone.',
      },
      {
        id: 'payment-demand',
        brief: 'A demand for payment, especially cryptocurrency, gift cards or money sent abroad.',
      },
      {
        id: 'identity-details-request',
        brief: 'Requests for passport copies, ID, bank or card details.',
      },
      {
        id: 'foreign-police-transfer',
        brief: 'Being passed to a "foreign police officer" on a video call.',
      },
    ],
    actions: [
      { id: 'hang-up', brief: 'Hang up.' },
      {
        id: 'call-official-number',
        brief: "Look up the agency's official number yourself and call it.",
      },
      {
        id: 'never-share-details',
        brief: 'Never give personal, identity or banking details, or ID copies.',
      },
      {
        id: 'never-pay',
        brief:
          'Never send money or cryptocurrency because of a call; police never phone to demand payment.',
      },
      {
        id: 'after-details-given',
        brief:
          'If details were given: a credit bureau (TransUnion, Equifax), the bank, the police.',
      },
      { id: 'report-fraud', brief: 'Report to the Canadian Anti-Fraud Centre (or police).' },
    ],
  },
  'virtual-kidnapping': {
    redFlags: [
      {
        id: 'official-caller-id',
        brief: 'A caller ID showing a police, government or consulate number.',
      },
      { id: 'long-secret-call', brief: 'Very long calls, and being told to keep the call secret.' },
      {
        id: 'sudden-orders',
        brief: 'Sudden orders to leave school or home, withdraw cash, pack, get rid of devices.',
      },
      {
        id: 'friend-vanishes',
        brief: 'A friend who suddenly vanishes, stops answering, or leaves without explanation.',
      },
      { id: 'ransom-from-own-account', brief: "A ransom demand from the person's own account." },
      {
        id: 'staged-video',
        brief: 'A "duress" video: footage staged by the callers and sent to the family.',
      },
    ],
    actions: [
      {
        id: 'hang-up',
        brief: 'Hang up: real police do not investigate by secret, hours-long calls.',
      },
      {
        id: 'tell-someone',
        brief: 'Tell someone you trust: a roommate, the international-student office, family.',
      },
      {
        id: 'call-official-number',
        brief: 'Look up the official number yourself and call it back.',
      },
      {
        id: 'reach-by-other-routes',
        brief: 'Family: reach the person by every other route (friends, school, police).',
      },
      { id: 'ask-only-they-know', brief: 'Family: ask a question only the person could answer.' },
      { id: 'never-pay', brief: 'Never pay.' },
      { id: 'call-police', brief: 'Call the police.' },
    ],
  },
  sextortion: {
    redFlags: [
      {
        id: 'stranger-request',
        brief: 'Friend or follow requests from people you have never met.',
      },
      { id: 'fast-flattery', brief: 'Fast flattery or romance from someone you do not know.' },
      { id: 'sexual-questions', brief: 'Sudden sexual questions.' },
      { id: 'move-to-another-app', brief: '"Let\'s move to another app."' },
      { id: 'camera-never-works', brief: 'Their camera or microphone never works.' },
      { id: 'image-request', brief: 'Any request for an intimate image.' },
      {
        id: 'money-demand-deadline',
        brief: 'A demand for money, gift cards or card details, with a deadline.',
      },
      { id: 'recovery-offer', brief: 'A "recovery" offer to get images deleted for a fee.' },
    ],
    actions: [
      {
        id: 'ignore-strangers',
        brief: 'Do not accept requests from strangers; keep profiles private.',
      },
      {
        id: 'never-send-image',
        brief: 'Never send an image you would not want the whole world to see.',
      },
      { id: 'stop-replying', brief: 'Stop all communication at once.' },
      { id: 'never-pay', brief: 'Do not pay and do not comply: paying does not end it.' },
      {
        id: 'screenshot-evidence',
        brief: 'Screenshot the messages, usernames and payment details first.',
      },
      { id: 'report-and-block', brief: 'Report the account to the platform, then block it.' },
      {
        id: 'keep-evidence',
        brief: 'Do not delete your account or the messages: they are evidence.',
      },
      { id: 'tell-safe-adult', brief: 'Tell a safe adult.' },
      { id: 'get-help', brief: 'Get help: NeedHelpNow.ca, Cybertip.ca, Kids Help Phone, police.' },
      { id: 'not-your-fault', brief: "It is not the victim's fault; help is available." },
    ],
  },
  genuine: {
    redFlags: [
      {
        id: 'unexpected-contact',
        brief: 'An unknown number, a new contact or a message out of the blue.',
      },
      { id: 'urgent-tone', brief: 'An urgent or worrying tone.' },
    ],
    actions: [
      { id: 'verify-known-channel', brief: 'Verify through a channel you already know.' },
      { id: 'then-proceed', brief: 'Once verified, go ahead: refusing everything has a cost too.' },
    ],
  },
};

export function isGuidanceFlag(type: ScamType, id: string): boolean {
  return GUIDANCE[type].redFlags.some((f) => f.id === id);
}

export function isGuidanceAction(type: ScamType, id: string): boolean {
  return GUIDANCE[type].actions.some((a) => a.id === id);
}

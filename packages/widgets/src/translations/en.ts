/** English strings for every widget. The shape of this object is the shape every locale must fill. */
export const en = {
  fields: {
    givenName: 'First name',
    familyName: 'Last name',
    email: 'Email',
    phone: 'Phone (optional)',
    postalCode: 'ZIP or postal code',
    language: 'Preferred language',
    region: 'Region',
    sector: 'Where you work',
    comments: 'Add a comment (optional)',
    remember: 'Remember me on this device',
    choose: 'Choose…',
  },
  languages: { en: 'English', es: 'Spanish' },
  joinForm: {
    heading: 'Join us',
    consent: 'I agree to be contacted about organizing in my workplace and community.',
    submit: 'Join',
    joined: (name: string) => `Welcome, ${name}! You are now a member.`,
    shareHeading: 'Bring your coworkers',
    shareIntro:
      'Share your personal link. When coworkers join through it, we will know you brought them.',
  },
  petition: {
    signatures: (count: string) => `${count} signatures`,
    goal: (count: string, goal: string) => `${count} of ${goal} signatures`,
    to: 'To:',
    submit: 'Sign the petition',
    signed: (name: string) => `Thank you, ${name}. Your signature is counted.`,
    closed: 'This petition is closed.',
    shareHeading: 'Ask others to sign',
  },
  eventRsvp: {
    when: 'When',
    where: 'Where',
    online: 'Online',
    joinOnline: 'Join online',
    placesLeft: (count: string) => (count === '1' ? '1 place left' : `${count} places left`),
    full: 'This event is full. RSVP to join the waitlist.',
    waitlistSize: (count: string) => `${count} on the waitlist`,
    submit: 'RSVP',
    submitWaitlist: 'Join the waitlist',
    accepted: (name: string) => `You're going, ${name}! See you there.`,
    waitlisted: (name: string) =>
      `You're on the waitlist, ${name}. We'll let you know if a place opens.`,
    addToCalendar: 'Add to calendar',
    cancel: 'Cancel my RSVP',
    cancelled: 'Your RSVP is cancelled. Thank you for letting us know.',
    over: 'This event has already happened.',
  },
  carousel: {
    label: 'Member spotlights',
    slide: (index: number, count: number) => `${index} of ${count}`,
    previous: 'Previous spotlight',
    next: 'Next spotlight',
    pause: 'Pause automatic rotation',
    play: 'Start automatic rotation',
    empty: 'No spotlights yet.',
  },
  share: {
    share: 'Share',
    copy: 'Copy link',
    copied: 'Link copied.',
    link: 'Your link',
  },
  status: {
    submitting: 'Sending…',
    queued:
      'You are offline. Your submission is saved on this device and will be sent when the connection returns.',
    waiting: (count: number) =>
      count === 1
        ? '1 submission is waiting to be sent.'
        : `${count} submissions are waiting to be sent.`,
    unreachable: 'Could not load this. Check your connection and reload the page.',
    fixFields: 'Please correct the highlighted fields.',
    rateLimited: 'Too many submissions from this network. Please try again in a few minutes.',
    failed: 'Something went wrong. Please try again.',
  },
  person: {
    notYou: (name: string) => `Not ${name}?`,
  },
  validation: {
    valueMissing: 'Please fill in this field.',
    consentMissing: 'Please tick this box to continue.',
    typeMismatchEmail: 'Please enter an email address, like name@example.org.',
    patternMismatch: 'Please check the format of this field.',
    tooLong: 'This is too long.',
  },
  apiErrors: {
    required: 'Please fill in this field.',
    invalid: 'Please check this field.',
    invalid_type: 'Please check this field.',
    invalid_email: 'Please enter an email address, like name@example.org.',
    too_short: 'This is too short.',
    too_long: 'This is too long.',
    too_many: 'Please give fewer entries.',
  },
};

/** Every string a widget shows, by widget. */
export type Translation = typeof en;

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
    privacy: 'How we use your information (opens in a new tab)',
  },
  languages: { en: 'English', es: 'Spanish' },
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

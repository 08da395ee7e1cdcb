/** English strings for every widget. The shape of this object is the shape every locale must fill. */
export const en = {
  fields: {
    givenName: 'First name',
    familyName: 'Last name',
    email: 'Email',
    phone: 'Phone (optional)',
    postalCode: 'ZIP or postal code',
    remember: 'Remember me on this device',
    privacy: 'How we use your information (opens in a new tab)',
  },
  status: {
    submitting: 'Sending…',
    queued:
      'You are offline. Your submission is saved on this device and will be sent when the connection returns.',
    unreachable: 'Could not load this. Check your connection and reload the page.',
    fixFields: 'Please correct the highlighted fields.',
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
};

/** Every string a widget shows, by widget. */
export type Translation = typeof en;

/** English strings for every widget. The shape of this object is the shape every locale must fill. */
export const en = {
  joinForm: {
    heading: 'Join us',
    givenName: 'First name',
    familyName: 'Last name',
    email: 'Email',
    consent: 'I agree to be contacted about organizing in my workplace and community.',
    submit: 'Join',
    errorSummary: 'Please correct the highlighted fields.',
  },
  validation: {
    valueMissing: 'Please fill in this field.',
    consentMissing: 'Please tick this box to join.',
    typeMismatchEmail: 'Please enter an email address, like name@example.org.',
  },
};

/** Every string a widget shows, by widget. */
export type Translation = typeof en;

/** Strings of the dues checkout's payment, processing and thank-you steps, in every language. */
import type { Locale } from '@rally/core/locale';

const en = {
  paymentHeading: 'Payment',
  paymentFor: (dues: string) => `You are paying ${dues}.`,
  change: 'Change amount',
  processing: 'Payment received. Waiting for confirmation from the bank…',
  slow: 'Your payment went through, and confirmation is taking longer than usual. Stripe will email you a receipt; there is no need to pay again.',
  thanks: (name: string) => `Thank you, ${name}. Your dues are set up.`,
  thanksDetail: 'Stripe will email you a receipt.',
  manage: 'Manage your membership',
  manageHint: 'Change your card, change your amount, or cancel.',
};

export type PaymentStrings = typeof en;

export const paymentStrings: Record<Locale, PaymentStrings> = {
  en,
  es: {
    paymentHeading: 'Pago',
    paymentFor: (dues: string) => `Vas a pagar ${dues}.`,
    change: 'Cambiar la cantidad',
    processing: 'Pago recibido. Esperando la confirmación del banco…',
    slow: 'Tu pago se hizo, pero la confirmación está tardando más de lo normal. Stripe te enviará un recibo por correo; no hace falta pagar otra vez.',
    thanks: (name: string) => `Gracias, ${name}. Tu cuota quedó registrada.`,
    thanksDetail: 'Stripe te enviará un recibo por correo.',
    manage: 'Administrar tu membresía',
    manageHint: 'Cambia tu tarjeta, cambia la cantidad o cancela.',
  },
};

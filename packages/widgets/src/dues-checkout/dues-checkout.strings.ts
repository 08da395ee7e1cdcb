/**
 * Strings of the dues checkout's first step (the choice), in every language: they load with its
 * own module. The payment step's come with it (payment.strings.ts). Amounts come in already
 * formatted by `Intl` for the widget's language and the configured currency.
 */
import type { Locale } from '@rally/core/locale';
import type { DuesInterval } from '@rally/core/dues-intervals';

const en = {
  heading: 'Pay your dues',
  intro: 'Dues keep the organization independent. Choose what fits your income.',
  schedule: 'How often',
  intervals: { month: 'Monthly', year: 'Yearly', one_time: 'Once' } as Record<DuesInterval, string>,
  /** "$10 a month". */
  per: {
    month: (amount: string) => `${amount} a month`,
    year: (amount: string) => `${amount} a year`,
    one_time: (amount: string) => `${amount}, one payment for a year`,
  } as Record<DuesInterval, (amount: string) => string>,
  amount: 'Your dues',
  otherAmount: 'Another amount',
  otherAmountLabel: 'Amount',
  atLeast: (amount: string) => `At least ${amount}.`,
  chooseAmount: 'Please choose your dues.',
  belowMinimum: (amount: string) => `Dues are at least ${amount}.`,
  submit: 'Continue to payment',
  loadingPayment: 'Loading the secure payment form…',
  paymentUnavailable:
    'The payment form could not load. Check your connection and try again; nothing was charged.',
  offline: 'You are offline. Paying dues needs a connection; nothing was charged.',
  manageLater: 'Already paying dues? Manage your membership',
  notSetUp: 'Dues are not set up yet. Please check back soon.',
};

export type DuesCheckoutStrings = typeof en;

export const duesCheckoutStrings: Record<Locale, DuesCheckoutStrings> = {
  en,
  es: {
    heading: 'Paga tu cuota',
    intro:
      'Las cuotas mantienen la independencia de la organización. Elige lo que va con tus ingresos.',
    schedule: 'Cada cuánto',
    intervals: { month: 'Mensual', year: 'Anual', one_time: 'Una vez' },
    per: {
      month: (amount: string) => `${amount} al mes`,
      year: (amount: string) => `${amount} al año`,
      one_time: (amount: string) => `${amount}, un solo pago por un año`,
    },
    amount: 'Tu cuota',
    otherAmount: 'Otra cantidad',
    otherAmountLabel: 'Cantidad',
    atLeast: (amount: string) => `Mínimo ${amount}.`,
    chooseAmount: 'Elige tu cuota, por favor.',
    belowMinimum: (amount: string) => `La cuota mínima es ${amount}.`,
    submit: 'Continuar al pago',
    loadingPayment: 'Cargando el formulario de pago seguro…',
    paymentUnavailable:
      'No se pudo cargar el formulario de pago. Revisa tu conexión e inténtalo de nuevo; no se cobró nada.',
    offline: 'No tienes conexión. Para pagar la cuota hace falta conexión; no se cobró nada.',
    manageLater: '¿Ya pagas cuota? Administra tu membresía',
    notSetUp: 'Las cuotas todavía no están disponibles. Vuelve pronto, por favor.',
  },
};

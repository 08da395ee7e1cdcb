/** The words of the content schemas' messages in Spanish, as the console shows them. */
import type { ContentWords } from './en.ts';

const ofSite = { region: 'de la región', sector: 'del sector' } as const;

export const es: ContentWords = {
  write: (what) => `Escribe ${what}.`,
  missing: (how) => `Falta: ${how.charAt(0).toLowerCase()}${how.slice(1)}`,
  empty: (what) => `Está vacío: escribe ${what}.`,
  inQuotes: (written) => `Ponlo entre comillas, así: "${written}", para que se lea como texto.`,
  tooLong: (length, most) =>
    `Es demasiado largo: tiene ${length} caracteres y el máximo es ${most}. Acórtalo.`,
  digitsOnly: (digits) => `Escribe el número solo con dígitos, como ${digits}.`,
  wholeNumber: 'Escribe un número entero, como 2500.',
  aboveZero: 'Escribe un número mayor que 0.',
  list: (what) => `Escribe en una lista ${what}, cada línea empezando con "- ".`,
  listAtLeast: (what, least) =>
    `Escribe en una lista ${what}, cada línea empezando con "- "; al menos ${least}.`,
  listAtMost: (most) => `No pongas más de ${most}.`,
  webAddress: (example) =>
    `Escribe la dirección completa, empezando con https://, como ${example}.`,
  moment: (example) =>
    `Escribe la fecha y la hora con su diferencia horaria con UTC, como ${example}.`,
  day: (example) => `Escribe el día en la forma año-mes-día, como ${example}.`,
  siteName: (kind, example) =>
    `Escribe el nombre del archivo ${ofSite[kind]} sin .mdx, como ${example}.`,
  siteNameLetters: (kind, example) =>
    `Escribe el nombre del archivo ${ofSite[kind]} sin .mdx: minúsculas, dígitos y guiones, como ${example}.`,

  petition: {
    title: 'el titular, como Agua, sombra y descanso',
    description: 'una o dos oraciones que digan qué pide',
    target: 'a quién va dirigida',
    goal: 'cuántas firmas quieres reunir, como 2500',
    closesAfterOpens: 'Tiene que cerrar después de abrir: closes_at va después de opens_at.',
  },
  target: {
    name: 'a quién va dirigida, como Louisiana Workforce Commission',
    title: 'su cargo, como Secretaria de Trabajo',
    notAnItem:
      'Escribe cada destinatario en su línea como "- name: …", por ejemplo - name: Louisiana Workforce Commission.',
  },
  event: {
    title: 'el nombre del evento, como Reunión de trabajadoras del hogar',
    description: 'una o dos oraciones que digan qué pasa ahí',
    timezone: 'Escribe la zona horaria del lugar donde se hace, como America/Chicago.',
    timezoneUnknown: 'Escribe una zona horaria de la lista IANA, como America/Chicago.',
    capacity: 'cuántas personas pueden venir, como 60',
    language: (codes) => `Escribe uno de estos códigos: ${codes}.`,
    endAfterStart: 'Tiene que terminar después de empezar: end va después de start.',
    placeOrLink: 'Da un lugar (location), un enlace para unirse en línea (online_url), o los dos.',
  },
  place: {
    venue: 'el nombre del lugar, como Salón del sindicato',
    addressLine: 'una línea de la dirección',
    addressLines: 'las líneas de la dirección',
    locality: 'la ciudad o el pueblo, como Nueva Orleans',
    region: 'el estado, como LA',
    postalCode: 'el código postal, como 70112',
    notIndented: 'Escribe el lugar en líneas con sangría: venue:, address_lines: y locality:.',
  },
  spotlight: {
    name: 'su nombre como quiere que aparezca, por ejemplo Marisol Reyes',
    kind: 'Escribe member (un miembro) u organization (una organización miembro).',
    photo:
      'Escribe la foto en dos líneas con sangría: src: (el nombre de su archivo) y alt: (qué muestra).',
    photoFile: 'Escribe el nombre del archivo de la foto en content/photos/, como maria.jpg.',
    photoKind:
      'Escribe el nombre del archivo de una foto JPEG, PNG, WebP o AVIF en content/photos/, como maria.jpg.',
    photoAlt: 'qué muestra la foto, para quien no puede verla',
    quote: 'una cita corta en sus propias palabras',
  },
  microsite: {
    name: 'su nombre, como Luisiana',
    tagline: 'una oración para mostrar bajo el nombre',
    reason: 'una razón corta para unirse',
    reasons: 'las razones para unirse',
    addressWithoutPath:
      'Escribe una dirección sin nada después del nombre del sitio, como https://louisiana.example.org.',
  },
  page: {
    title: 'el título, como Quiénes somos',
    description:
      'una o dos oraciones para los resultados de búsqueda y las vistas previas de enlaces',
  },
};

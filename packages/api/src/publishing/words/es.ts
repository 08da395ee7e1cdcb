/** The words the publishing routes answer staff with, in Spanish, as the console shows them. */
import type { Collection } from '@rally/content';
import type { PublishingWords } from './en.ts';

/** What one piece of each kind is called, and whether the word is feminine. */
const one = {
  petitions: ['petición', true],
  events: ['evento', false],
  spotlights: ['historia de miembro', true],
  regions: ['región', true],
  sectors: ['sector', false],
  pages: ['página', true],
} as const satisfies Record<Collection, readonly [string, boolean]>;

const feminine = (collection: Collection) => one[collection][1];
/** `la petición`, `el evento`. */
const the = (collection: Collection) =>
  `${feminine(collection) ? 'la' : 'el'} ${one[collection][0]}`;
/** `ninguna petición`, `ningún evento`. */
const none = (collection: Collection) =>
  `${feminine(collection) ? 'ninguna' : 'ningún'} ${one[collection][0]}`;
/** `llamada`, `llamado`; `publicada`, `publicado`. */
const agreeing = (collection: Collection, word: string) =>
  `${word}${feminine(collection) ? 'a' : 'o'}`;
const capital = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

export const es: PublishingWords = {
  refusal: (collection, doing, count) =>
    `${feminine(collection) ? 'Esta' : 'Este'} ${one[collection][0]} todavía no se puede ${
      {
        published: 'publicar',
        scheduled: 'programar',
        saved: 'guardar',
        restored: 'restaurar',
        previewed: 'ver en vista previa',
      }[doing]
    }: hay que cambiar ${count === 1 ? 'una cosa' : `${count} cosas`}.`,
  request: {
    publishAt:
      'Escribe el día y la hora en que se publicará, como 2026-12-01T09:00:00-06:00, o null.',
    commit: 'Elige una versión del historial, como 3f2a9c1.',
  },
  off: 'La publicación está apagada: esta API se inició sin una carpeta de contenido en la que publicar.',
  noKind: (name, kinds) =>
    `No hay ningún tipo de contenido llamado ${name}: usa uno de estos: ${kinds.join(', ')}.`,
  noPiece: (collection, id) =>
    `No hay ${none(collection)} ${agreeing(collection, 'llamad')} ${id}.`,
  nothingPublished: (collection, id) =>
    `No hay ${none(collection)} ${agreeing(collection, 'publicad')} ${agreeing(collection, 'llamad')} ${id}.`,
  alwaysPublished: (id) =>
    `Los sitios no se pueden construir sin la página ${id}: cambia lo que dice y publica eso en su lugar.`,
  notOurSite: (origin, pattern) =>
    `${origin} todavía no es uno de los sitios de la organización: primero una persona administradora lo añade a site_origins en rally.config.json, y luego se puede publicar; o deja la dirección vacía, y el sitio estará en ${pattern}.`,
  stillNamed: (collection, id, namedBy) =>
    `${capital(the(collection))} ${id} todavía aparece en ${namedBy.join(', ')}: dales ${feminine(collection) ? 'otra' : 'otro'} ${one[collection][0]} primero, o los sitios no se podrían construir.`,
  noHistory:
    'Esta carpeta de contenido no guarda historial: no es un repositorio git propio, así que no hay versiones anteriores que ver ni restaurar.',
  noCommit: (commit) =>
    `No hay ninguna versión ${commit} en el historial del contenido: elige una de las que muestra el historial.`,
  noFilesAt: (collection, id, commit) =>
    `${capital(the(collection))} ${id} no tenía archivos en la versión ${commit}: elige otra versión de su historial.`,
  unreadable: (file, detail) =>
    `El archivo ${file} se cambió fuera de la consola y no se puede leer, así que no se puede publicar nada hasta que se corrija: pide a alguien con acceso al repositorio del contenido que lo corrija. El detalle, en inglés: ${detail}`,
  previews: {
    off: 'Las vistas previas están apagadas: esta API no construye los sitios; se construyen donde están alojados.',
    busy: 'Se están haciendo otras vistas previas: espera a que la tuya esté lista y luego pide la siguiente.',
    none: 'No existe esa vista previa: puede que sea una antigua, que ya no se guarda.',
    noPage: 'Esta vista previa no tiene esa página.',
  },
  builds: {
    none: 'No existe esa construcción: puede que sea de hace tiempo y ya no se guarde.',
    elsewhere: 'Esta API no construye los sitios: se construyen donde están alojados.',
  },
  photos: {
    sendForm: 'Envía la foto como multipart/form-data, en un campo llamado photo.',
    choose: 'Elige una foto para subir.',
    chooseOne: 'Elige una foto para subir: una imagen JPEG, PNG, WebP o AVIF.',
    incomplete: 'La foto llegó incompleta: vuelve a intentarlo.',
    tooLarge: (megabytes) =>
      `Esta foto pesa más de ${megabytes} MB: hazla más pequeña, o expórtala de nuevo con menos calidad.`,
    atMost: (megabytes) => `Elige una foto de ${megabytes} MB como máximo.`,
    busy: 'Se están preparando otras fotos: vuelve a intentarlo con esta en un momento.',
    notAPhoto: (name) =>
      `${name || 'Este archivo'} no es una foto que los sitios puedan mostrar: sube una imagen JPEG, PNG, WebP o AVIF.`,
    notAnImage: 'Elige una imagen JPEG, PNG, WebP o AVIF.',
    noPhoto: (src) => `No hay ninguna foto llamada ${src}.`,
  },
};

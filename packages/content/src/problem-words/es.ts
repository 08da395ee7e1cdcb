/** The words of what keeps a piece from being published, in Spanish, as the console shows them. */
import type { ProblemWords } from './en.ts';

export const es: ProblemWords = {
  piece: {
    fileName:
      'Usa minúsculas, dígitos y guiones, como marisol-reyes: se convierte en su dirección en los sitios.',
    siteNameReserved: (id, instead) =>
      `${id} es el nombre de páginas que los sitios ya tienen: elige otro nombre, como ${instead}.`,
    siteNameTaken: (kind, id) =>
      kind === 'region'
        ? `Ya hay una región llamada ${id}: elige otro nombre.`
        : `Ya hay un sector llamado ${id}: elige otro nombre.`,
    notAPage: (pages) =>
      `Los sitios solo tienen estas páginas propias: ${pages.join(', ')}. Abre una de ellas para cambiarla.`,
    noLanguage: 'Escríbelo en al menos un idioma.',
    sameFact: (language, fact) =>
      `Ponlo igual que en ${language}: las traducciones comparten este dato (${fact}).`,
    noSite: (kind, slug, known) =>
      kind === 'region'
        ? `No hay ninguna región llamada ${slug}: elige una de estas: ${known.join(', ')}.`
        : `No hay ningún sector llamado ${slug}: elige uno de estos: ${known.join(', ')}.`,
    noPhoto: (src) => `Todavía no hay ninguna foto llamada ${src}: súbela y luego elígela.`,
  },
  story: {
    notCompiled: (detail) =>
      `La historia no se puede publicar tal como está escrita (${detail}). Escribe \\< o \\{ para un < o una { que no sea una etiqueta ni un marcador.`,
    importExport:
      'Una historia no puede importar ni exportar nada: quita las líneas que empiezan con import o export.',
    braces:
      'Las llaves se ejecutarían como código al construir los sitios: escribe \\{ para una llave, o deja solo {/* comentarios */}.',
    link: (url) =>
      `El enlace a ${url} no puede estar en los sitios: enlaza a una dirección que empiece con https://, mailto: o tel:.`,
    picture: (url) =>
      `La imagen ${url} no puede estar en una historia: súbela como la foto de la historia, o muestra una desde una dirección que empiece con https://.`,
    tag: (name) =>
      `<${name}> no puede estar en una historia: usa Markdown, o etiquetas simples como <b>, <br> o <a href="…">.`,
    attribute: (tag, attribute) =>
      `<${tag}> tiene un atributo que los sitios no aceptan (${attribute ?? 'código'}): usa solo href="https://…", src="https://…", alt y title.`,
  },
};

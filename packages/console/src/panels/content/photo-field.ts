/**
 * A story's photo in the generated form: a file input that also takes a picture with a phone's
 * camera, the photo's file name (for a photo already in the content folder), its description with
 * its hint, and how the sites will crop it — square on the cards of the story lists
 * (`.card img` in the sites' styles), 4:3 in the carousel partners embed, whole on the story's own
 * page. Drawn with the classes below only: the console's policy allows no style attribute.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { fieldId, renderInput, type FormContext } from './schema-form.ts';
import type { Field } from './schema-fields.ts';
import type { Path } from './values.ts';

export interface PhotoState {
  /** What to show in the crop preview: the file just chosen, or the photo in the content folder. */
  preview: string | undefined;
  /** Uploading, uploaded, or why not. */
  status: string;
  busy: boolean;
}

export const photoStyles = css`
  .crops {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: start;
    margin: 0.5rem 0 0;
  }
  .crops figure {
    margin: 0;
    inline-size: 8rem;
  }
  .crops img {
    display: block;
    inline-size: 100%;
    border-radius: 0.5rem;
    background: #eef2f6;
  }
  .crops .square {
    aspect-ratio: 1;
    object-fit: cover;
  }
  .crops .wide {
    aspect-ratio: 4 / 3;
    object-fit: cover;
  }
  .crops figcaption {
    font-size: 0.875rem;
    color: var(--rally-muted, #4b5563);
  }
  input[type='file'] {
    min-block-size: 2.75rem;
    max-inline-size: 100%;
  }
`;

export function renderPhotoField(
  field: Field & { input: 'photo' },
  context: FormContext,
  path: Path,
  state: PhotoState,
  onFile: (file: File) => void,
  onPreviewFailed: () => void,
): TemplateResult {
  const { t } = context;
  const uploadId = `${fieldId(context.scope, path)}-upload`;
  const [src, alt] = [
    field.fields.find((f) => f.key === 'src'),
    field.fields.find((f) => f.key === 'alt'),
  ];
  return html`<fieldset class="group">
    <legend>${t.fields.photo}</legend>
    <div class="field">
      <label for=${uploadId}>${t.upload}</label>
      <p class="hint" id=${`${uploadId}-hint`}>${t.uploadHint}</p>
      <input
        id=${uploadId}
        type="file"
        accept="image/*"
        aria-describedby=${`${uploadId}-hint ${uploadId}-status`}
        ?disabled=${state.busy}
        @change=${(event: Event) => {
          const file = (event.target as HTMLInputElement).files?.[0];
          if (file) onFile(file);
        }}
      />
      <p class="hint" id=${`${uploadId}-status`} role="status">${state.status}</p>
    </div>
    ${src ? renderInput(src, context, [...path, 'src'], t.fields.src ?? 'src') : nothing}
    ${
      state.preview
        ? html`<div role="group" aria-label=${t.cropTitle}>
            <p class="hint">${t.cropTitle}</p>
            <div class="crops">
              ${(
                [
                  ['square', t.cropCard],
                  ['wide', t.cropCarousel],
                  ['whole', t.cropStory],
                ] as const
              ).map(
                ([shape, caption]) =>
                  html`<figure>
                    <img class=${shape} src=${state.preview!} alt="" @error=${onPreviewFailed} />
                    <figcaption>${caption}</figcaption>
                  </figure>`,
              )}
            </div>
          </div>`
        : nothing
    }
    ${alt ? renderInput(alt, context, [...path, 'alt'], t.fields.alt ?? 'alt') : nothing}
  </fieldset>`;
}

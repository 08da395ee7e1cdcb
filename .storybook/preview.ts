import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { forgetPerson } from '@rally/widgets';
import type { Preview } from '@storybook/web-components-vite';
// Generated from each element's JSDoc by `cem analyze` (part of every Storybook and test command).
import manifest from '../packages/widgets/custom-elements.json';

setCustomElementsManifest(manifest);

const preview: Preview = {
  tags: ['autodocs'],
  // Each story starts as a new visitor: the widgets share who the person is across a page.
  beforeEach: () => forgetPerson(),
};

export default preview;

/** The content screens, one chunk the console fetches when one of them is first opened. */
import './content-panel.ts';
import './piece-editor.ts';

/** The console's entry: its shell, which loads every screen. */
import './console-app.ts';

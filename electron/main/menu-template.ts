import type { MenuItemConstructorOptions } from 'electron';

/**
 * A small menu of built-in roles only: editing shortcuts (on macOS they work only through the
 * menu) and zoom for readability. No reload and no DevTools entries: a reload would drop the
 * unlocked session's UI state, and DevTools are off in production anyway.
 */
export function createMenuTemplate(platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'Bearbeiten',
      submenu: [
        { role: 'undo', label: 'Rückgängig' },
        { role: 'redo', label: 'Wiederholen' },
        { type: 'separator' },
        { role: 'cut', label: 'Ausschneiden' },
        { role: 'copy', label: 'Kopieren' },
        { role: 'paste', label: 'Einfügen' },
        { role: 'selectAll', label: 'Alles auswählen' },
      ],
    },
    {
      label: 'Ansicht',
      submenu: [
        { role: 'resetZoom', label: 'Originalgröße' },
        { role: 'zoomIn', label: 'Vergrößern' },
        { role: 'zoomOut', label: 'Verkleinern' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'Vollbild' },
      ],
    },
  ];
  if (platform === 'darwin') {
    template.unshift({
      label: 'KIM Fallakte',
      submenu: [
        { role: 'about', label: 'Über KIM Fallakte' },
        { type: 'separator' },
        { role: 'hide', label: 'KIM Fallakte ausblenden' },
        { role: 'quit', label: 'KIM Fallakte beenden' },
      ],
    });
  } else {
    template.unshift({ label: 'Datei', submenu: [{ role: 'quit', label: 'Beenden' }] });
  }
  return template;
}

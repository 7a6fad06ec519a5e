import { HashRouter, Navigate, Route, Routes } from 'react-router';
import { CaseFileScreen } from './screens/casefile/CaseFileScreen';
import { OpenCaseScreen } from './screens/casefile/OpenCaseScreen';
import { MyCasesScreen } from './screens/cases/MyCasesScreen';
import { MainLayout } from './screens/layout/MainLayout';
import { NotFoundScreen } from './screens/layout/NotFoundScreen';
import { PersonDetailScreen } from './screens/persons/PersonDetailScreen';
import { PersonCreateScreen, PersonEditScreen } from './screens/persons/PersonFormScreens';
import { PersonsScreen } from './screens/persons/PersonsScreen';
import { SettingsScreen } from './screens/settings/SettingsScreen';
import { ConflictsScreen } from './screens/sync/ConflictsScreen';
import { RegisterDeviceScreen } from './screens/sync/RegisterDeviceScreen';
import { TodayScreen } from './screens/today/TodayScreen';
import { PartnersScreen } from './screens/partners/PartnersScreen';
import './styles/case-file.css';

/** Where every session starts (session-actions.ts sets it on entering): what is due today. */
export const startPath = '/today';

/**
 * The screens of an open profile. A hash router, because the bundle is loaded from `app://` in
 * Electron and from a plain http server in e2e: neither serves deep paths.
 */
export function UnlockedApp() {
  return (
    <HashRouter>
      <Routes>
        <Route element={<MainLayout />}>
          <Route index element={<Navigate to={startPath} replace />} />
          <Route path="today" element={<TodayScreen />} />
          <Route path="partners" element={<PartnersScreen />} />
          <Route path="persons" element={<PersonsScreen />} />
          <Route path="persons/new" element={<PersonCreateScreen />} />
          <Route path="persons/:id" element={<PersonDetailScreen />} />
          <Route path="persons/:id/edit" element={<PersonEditScreen />} />
          <Route path="persons/:id/open-case" element={<OpenCaseScreen />} />
          <Route path="cases" element={<MyCasesScreen />} />
          <Route path="cases/:id" element={<CaseFileScreen />} />
          <Route path="cases/:id/:tab" element={<CaseFileScreen />} />
          <Route path="settings" element={<SettingsScreen />} />
          <Route path="settings/register" element={<RegisterDeviceScreen />} />
          <Route path="conflicts" element={<ConflictsScreen />} />
          <Route path="*" element={<NotFoundScreen />} />
        </Route>
      </Routes>
    </HashRouter>
  );
}

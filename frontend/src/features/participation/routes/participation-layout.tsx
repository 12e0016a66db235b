import { Outlet } from 'react-router-dom';
import '../initiatives/strings';
import { ParticipationSections } from '../components/participation-sections';

/** Every Participation & Emulation screen sits under the module's section tabs. */
export function ParticipationLayout() {
  return (
    <>
      <ParticipationSections />
      <Outlet />
    </>
  );
}

export { ParticipationLayout as Component };

import { Outlet } from 'react-router-dom';
import { OrganizationSections } from '../components/organization-sections';

/** Every Organization screen sits under the module's section tabs. */
export function OrganizationLayout() {
  return (
    <>
      <OrganizationSections />
      <Outlet />
    </>
  );
}

export { OrganizationLayout as Component };

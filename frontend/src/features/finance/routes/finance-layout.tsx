import { Outlet } from 'react-router-dom';
import '../strings';
import { FinanceSections } from '../components/finance-sections';

/** Every Finance & Funding screen sits under the module's section tabs. */
export function FinanceLayout() {
  return (
    <>
      <FinanceSections />
      <Outlet />
    </>
  );
}

export { FinanceLayout as Component };

import { Outlet } from 'react-router-dom';
import '../strings';
import { TrainingSections } from '../components/training-sections';

/** Every Awareness & Training screen sits under the module's section tabs. */
export function TrainingLayout() {
  return (
    <>
      <TrainingSections />
      <Outlet />
    </>
  );
}

export { TrainingLayout as Component };

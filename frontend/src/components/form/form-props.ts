/**
 * What every create/edit form of the app takes: the mode, the starting values, the submit/cancel callbacks, the
 * reload offered after a 412, the pending flag and the last API error (mapped onto the fields).
 */
export type EntityFormProps<TValues, TInitial = TValues> = {
  mode: 'create' | 'edit';
  initialValues?: Partial<TInitial>;
  onSubmit: (values: TValues) => void;
  onCancel: () => void;
  onReload?: () => void;
  submitting: boolean;
  error: unknown;
};

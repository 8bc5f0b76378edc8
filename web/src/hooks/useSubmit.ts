import { App as AntApp } from 'antd';
import type { FormInstance } from 'antd';
import { useAction, type Action } from './useAction';

/**
 * A form's submit: validate (the form shows what is missing), send, say so, then reset the form if asked and
 * hand the result on; a refusal is kept in `error` for an ActionError next to the button.
 */
export function useSubmit<V, R>(
  form: FormInstance<V>,
  send: (v: V) => Promise<R>,
  after: { success: (r: R) => string; onDone: (r: R) => void; reset?: boolean },
): Action & { submit: () => Promise<void> } {
  const action = useAction();
  const { message } = AntApp.useApp();
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (v === null) return;
    const r = await action.run(() => send(v));
    if (r === undefined) return;
    void message.success(after.success(r));
    if (after.reset) form.resetFields();
    after.onDone(r);
  };
  return { ...action, submit };
}

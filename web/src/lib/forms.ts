/** A form rule for a text the user must give: required, and blank (spaces only) does not count. */
export function requiredText(message: string): { required: true; whitespace: true; message: string } {
  return { required: true, whitespace: true, message };
}

// ESLint checks what the compiler cannot see in the web UI: the rules of React's hooks. The project's other checks are
// TypeScript (strict), Prettier (npm run lint:format) and the dependency rules (npm run lint:deps).
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config({
  files: ['web/src/**/*.{ts,tsx}'],
  languageOptions: { parser: tseslint.parser },
  plugins: { 'react-hooks': reactHooks },
  linterOptions: { reportUnusedDisableDirectives: 'error' },
  rules: {
    'react-hooks/rules-of-hooks': 'error',
    'react-hooks/exhaustive-deps': 'error',
  },
});

import js from '@eslint/js'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import importX from 'eslint-plugin-import-x'
import tseslint from 'typescript-eslint'

/**
 * The layers of src/, lowest first. A folder may import only from folders of lower layers (and from itself):
 * contracts import nothing of the project, program wrappers know no domain, steps know no pipeline.
 * Folders of one layer stay independent of each other.
 */
const LAYERS = [
  ['contracts'],
  ['files'],
  ['programs', 'results-file', 'prometheus', 'shipyard', 'inputs', 'charts'],
  ['config-branch', 'scoring', 'jmeter-tests', 'installers', 'deployment', 'gate', 'report', 'workflow'],
  ['stages'],
  ['pipeline'],
  ['runner'],
  ['cli', 'main.ts', 'post.ts', 'post-render.ts'],
  ['index.ts']
]

const zones = LAYERS.flatMap((layer, rank) =>
  layer.flatMap(target =>
    LAYERS.slice(rank)
      .flat()
      .filter(from => from !== target)
      .map(from => ({
        target: `./src/${target}`,
        from: `./src/${from}`,
        message: `src/${target} (layer ${rank}) must not import src/${from}: import only from lower layers (eslint.config.js LAYERS).`
      }))
  )
)

const spawnOnlyInExec = {
  importNames: ['exec', 'execSync'],
  message: 'Run commands with argument arrays (src/programs/exec.ts).'
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '**/testdata/**', 'demo-output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver()] },
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        performance: 'readonly',
        fetch: 'readonly',
        AbortSignal: 'readonly'
      }
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/order': ['error', { alphabetize: { order: 'asc' }, 'newlines-between': 'never' }],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'child_process', ...spawnOnlyInExec },
            { name: 'node:child_process', ...spawnOnlyInExec }
          ]
        }
      ]
    }
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': ['error', { zones }]
    }
  },
  {
    files: ['src/stages/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'child_process', ...spawnOnlyInExec },
            { name: 'node:child_process', ...spawnOnlyInExec }
          ],
          patterns: [
            {
              group: ['./*'],
              message:
                'A step never imports another step: it reads their results from ctx.results, and shared logic lives in a lower layer.'
            }
          ]
        }
      ]
    }
  }
)

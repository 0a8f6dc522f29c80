import { Button as AriaButton, type ButtonProps } from 'react-aria-components';

const VARIANTS = {
  primary: 'bg-indigo-700 text-white hover:bg-indigo-800 pressed:bg-indigo-900',
  secondary: 'bg-white text-slate-900 border border-slate-300 hover:bg-slate-50 pressed:bg-slate-100',
  danger: 'bg-red-700 text-white hover:bg-red-800',
  ghost: 'bg-transparent text-slate-800 hover:bg-slate-100',
} as const;

/** The one button: react-aria (keyboard, press states), visible focus ring. */
export function Button({ variant = 'primary', className = '', ...props }: ButtonProps & { variant?: keyof typeof VARIANTS; className?: string }) {
  return (
    <AriaButton
      {...props}
      className={`inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-medium outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 focus-visible:ring-offset-2 disabled:cursor-not-allowed disabled:opacity-50 ${VARIANTS[variant]} ${className}`}
    />
  );
}

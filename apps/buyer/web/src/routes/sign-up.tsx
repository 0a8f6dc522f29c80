import { SignUpPage } from '@kontor/ui';
import { createFileRoute, Link, useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

export const Route = createFileRoute('/sign-up')({ component: SignUp });

function SignUp() {
  const router = useRouter();
  const { t } = useTranslation('auth');
  return (
    <SignUpPage
      onSignedIn={() => void router.navigate({ to: '/', replace: true })}
      links={
        <p>
          {t('signUp.haveAccount')}{' '}
          <Link to="/sign-in" search={{}} className="text-indigo-800 underline">
            {t('signUp.signInLink')}
          </Link>
        </p>
      }
    />
  );
}

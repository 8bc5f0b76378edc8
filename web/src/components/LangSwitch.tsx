import { Button } from 'antd';
import { useI18n } from '../i18n';

/** Switches between 简体中文 and English (kept in localStorage fg_lang). */
export function LangSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <Button
      type="text"
      data-testid="lang-switch"
      aria-label={t('header.switchAria')}
      lang={lang === 'en' ? 'zh-CN' : 'en'}
      onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')}
    >
      {t('header.switchTo')}
    </Button>
  );
}

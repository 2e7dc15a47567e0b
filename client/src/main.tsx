import { ApolloProvider } from '@apollo/client/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApolloClient } from './apollo';
import { App } from './App';
import { I18nProvider } from './i18n/I18n';
import './styles.css';

const { client, socket } = createApolloClient();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <ApolloProvider client={client}>
        <App socket={socket} />
      </ApolloProvider>
    </I18nProvider>
  </StrictMode>,
);

import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import './styles.css'
import './theme.css'
import { startTheme } from './theme'
import { watchPrinting } from './printing-flag'

startTheme()
watchPrinting()

const root = document.getElementById('root')
if (!root) throw new Error('OsseoPlan: #root element missing from index.html')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>
)

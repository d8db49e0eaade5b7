; NSIS additions for the Windows installer: offer Detainer Policy Studio under "Open with" for YAML files
; (Windows reads only the last extension, so *.ordinance.yaml is a .yaml file to it) without taking
; .yaml over from the editor the user already has. Removed again on uninstall.

!macro customInstall
  WriteRegStr SHCTX "Software\Classes\DetainerPolicyStudio.Ordinance" "" "Detainer ordinance"
  WriteRegStr SHCTX "Software\Classes\DetainerPolicyStudio.Ordinance\DefaultIcon" "" "$appExe,0"
  WriteRegStr SHCTX "Software\Classes\DetainerPolicyStudio.Ordinance\shell\open\command" "" '"$appExe" "%1"'
  WriteRegStr SHCTX "Software\Classes\.yaml\OpenWithProgids" "DetainerPolicyStudio.Ordinance" ""
  WriteRegStr SHCTX "Software\Classes\.yml\OpenWithProgids" "DetainerPolicyStudio.Ordinance" ""
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
!macroend

!macro customUnInstall
  DeleteRegValue SHCTX "Software\Classes\.yaml\OpenWithProgids" "DetainerPolicyStudio.Ordinance"
  DeleteRegValue SHCTX "Software\Classes\.yml\OpenWithProgids" "DetainerPolicyStudio.Ordinance"
  DeleteRegKey SHCTX "Software\Classes\DetainerPolicyStudio.Ordinance"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
!macroend

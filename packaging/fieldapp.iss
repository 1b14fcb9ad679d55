; Inno Setup 6 script: the Windows installer of FieldApp.
;
;   pyinstaller --noconfirm build_spec.spec          (on Windows: makes dist\fieldapp\)
;   ISCC /DAppVersion=0.1.0 packaging\fieldapp.iss   ->  dist\fieldapp-0.1.0-windows-x64-setup.exe
;
; packaging/windows-build.yml does both on a Windows runner. Not run on the project's
; Linux machine: nothing here has been tried on Windows yet (see docs/it.md).
;
; - Installs the one-folder build into Program Files (all users; needs administrator rights).
; - If fieldapp.toml (IT's provisioning file) and *.pem (a private server's CA) lie beside the
;   setup program, they are copied beside fieldapp.exe: one installer folder for thirty laptops.
; - Upgrade in place: the same AppId, the old program's files are replaced. The caseworker's
;   data lives in %LOCALAPPDATA%\FieldApp (never in the program's folder), so installing,
;   upgrading and uninstalling never touch it.
; - Silent: fieldapp-...-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART

#ifndef AppPublisher
  ; The organisation that deploys FieldApp names itself: ISCC /DAppPublisher="NGO name" (docs/it.md).
  #define AppPublisher "FieldApp project"
#endif
#ifndef AppVersion
  ; Without /DAppVersion=..., the version written into fieldapp.exe by build_spec.spec.
  #define AppVersion GetVersionNumbersString(AddBackslash(SourcePath) + "..\dist\fieldapp\fieldapp.exe")
#endif

[Setup]
; Never change the AppId: it is how an upgrade finds the installed FieldApp.
AppId={{6C1F3E2A-8B4D-4F7A-9E25-3D0B7A51C9E4}
AppName=FieldApp
AppVersion={#AppVersion}
AppVerName=FieldApp {#AppVersion}
AppPublisher={#AppPublisher}
DefaultDirName={autopf}\FieldApp
DefaultGroupName=FieldApp
DisableProgramGroupPage=yes
DisableDirPage=auto
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=fieldapp-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\fieldapp.exe
UninstallDisplayName=FieldApp {#AppVersion}
; A running FieldApp is asked to close before its files are replaced (it saves as it goes).
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "uk"; MessagesFile: "compiler:Languages\Ukrainian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; The previous version's libraries: removed so that none lingers beside the new ones.
; (Only the program's folder: fieldapp.toml beside fieldapp.exe stays unless a new one comes.)
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\dist\fieldapp\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
; IT's provisioning, when it lies beside the setup program.
Source: "{src}\fieldapp.toml"; DestDir: "{app}"; Flags: external skipifsourcedoesntexist ignoreversion
Source: "{src}\*.pem"; DestDir: "{app}"; Flags: external skipifsourcedoesntexist ignoreversion

[Icons]
Name: "{group}\FieldApp"; Filename: "{app}\fieldapp.exe"; WorkingDir: "{app}"
Name: "{autodesktop}\FieldApp"; Filename: "{app}\fieldapp.exe"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\fieldapp.exe"; Description: "{cm:LaunchProgram,FieldApp}"; Flags: nowait postinstall skipifsilent
